import { errorMessage } from "../../domain/error-message";
import { sweepGates } from "../../orchestration/gate-sweep";
import { OrchestrationError } from "../../orchestration/orchestration-error";
import { resolveSweepRequest } from "../../orchestration/parameter-resolver";
import type { ScheduledHandler } from "../scheduled-result";
import { scheduledOrchestrator } from "./orchestrator-on";

/**
 * The `gate-sweep` schedule's `/gates/sweep`: every blocked or waiting date of the declared
 * transitions is evaluated again (a fixed cause passes, a relaxation after time applies). A date
 * whose evaluation failed makes the answer 503, so the scheduler retries the sweep.
 */
export const gateSweepHandler: ScheduledHandler = async (platform, body) => {
  let dates: readonly string[] | null;
  try {
    dates = resolveSweepRequest(body, platform.clock.now());
  } catch (err) {
    if (err instanceof OrchestrationError) return { kind: "rejected", reason: err.message };
    throw err;
  }
  try {
    const swept = await sweepGates(await scheduledOrchestrator(platform), dates);
    const failed = swept.filter((s) => s.outcome === "error");
    if (failed.length > 0) return { kind: "transient", reason: failed.map((s) => `${s.transition} ${s.game_date}: ${s.detail}`).join("; ") };
    return { kind: "done", body: { swept } };
  } catch (err) {
    return { kind: "transient", reason: errorMessage(err) };
  }
};
