import { OrchestrationError } from "../orchestration/orchestration-error";
import { handleTriggerRequest, type ScheduledTriggerResult } from "../orchestration/scheduled-trigger";
import { DEFAULT_SCHEDULE_LOOKUP_POLICY, resilientScheduleLookup, type ScheduleLookupPolicy, type ScheduleSource } from "../orchestration/schedule-lookup";
import { errorMessage } from "../domain/error-message";
import type { Drill, DrillResult } from "./drill";
import { openDrillPlatform, orchestratorOn, PHASE3_TO_4, stateOf, wirePhase3To4 } from "./orchestration-harness";
import { etDate } from "../domain/et-date";

/** The drill's short timeout; production uses DEFAULT_SCHEDULE_LOOKUP_POLICY (30 s). */
const POLICY: ScheduleLookupPolicy = { timeoutMs: 600, attemptTimeoutMs: 250, maxAttempts: 3, initialBackoffMs: 20 };
/** Timers are real here (the point is a real abort, not a simulated one); allow for a loaded machine. */
const SLACK_MS = 1_500;

/**
 * The schedule source never answers. The scheduled same-day trigger must fail within the
 * configured timeout with SCHEDULE_LOOKUP_FAILED (the scheduler retries), abort the calls it
 * gave up on, publish nothing and never record the day as having no games.
 */
async function run(workDir: string): Promise<DrillResult> {
  const platform = await openDrillPlatform(workDir);
  try {
    let attempts = 0;
    let aborted = 0;
    const hanging: ScheduleSource = {
      gamesOn: (_date, signal) =>
        new Promise((_, reject) => {
          attempts += 1;
          signal.addEventListener("abort", () => (aborted += 1, reject(new Error("aborted by the caller"))), { once: true });
        }),
    };
    const ctx = { ...orchestratorOn(platform), scheduleLookup: resilientScheduleLookup(hanging, POLICY) };
    const { triggers } = wirePhase3To4(platform, ctx);
    const started = Date.now();
    let outcome: ScheduledTriggerResult | null = null;
    let error: unknown = null;
    try {
      outcome = await handleTriggerRequest(ctx, { phase: PHASE3_TO_4.to, date: "TODAY" });
    } catch (err) {
      error = err;
    }
    const elapsed = Date.now() - started;
    // Let abort listeners of calls given up on run before counting them.
    await new Promise((resolve) => setImmediate(resolve));
    const today = etDate(platform.clock.now());
    const state = await stateOf(platform, PHASE3_TO_4, today);
    const result = {
      drill: "schedule-hang",
      published: triggers.length,
      latched: state?.triggered ?? false,
      deliveries: attempts,
      dead_lettered: platform.bus.deadLetters.length,
      error_code: error instanceof OrchestrationError ? error.code : null,
      error: error === null ? null : errorMessage(error),
      treated_as_empty: outcome?.dates.some((d) => d.kind === "no_games") ?? false,
      elapsed_ms: elapsed,
      timeout_ms: POLICY.timeoutMs,
      slack_ms: SLACK_MS,
      default_timeout_ms: DEFAULT_SCHEDULE_LOOKUP_POLICY.timeoutMs,
      aborted_calls: aborted,
    };
    const passed =
      result.error_code === "SCHEDULE_LOOKUP_FAILED" &&
      !result.treated_as_empty &&
      result.published === 0 &&
      !result.latched &&
      elapsed <= POLICY.timeoutMs + SLACK_MS &&
      attempts >= 1 &&
      attempts <= POLICY.maxAttempts &&
      aborted === attempts;
    return { ...result, passed };
  } finally {
    await platform.close();
  }
}

export const scheduleHang: Drill = {
  name: "schedule-hang",
  description: "The schedule lookup never answers: the scheduled trigger errors within the configured timeout, aborts the calls, and does not treat the day as empty.",
  run: ({ workDir }) => run(workDir),
};
