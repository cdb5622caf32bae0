import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { drills } from "../../runtime/drills";
import type { DrillResult } from "../../runtime/drills/drill";
import { catalog } from "../../runtime/catalog";
import { DRILL_TOPICS, PHASE3_TO_4, phase3CompletionSubscription } from "../../runtime/drills/orchestration-harness";
import { runCliCaptured } from "../support/cli";

/** The phase-3 completion subscription as the drill bus is built from it (attempts and backoff come from its spec). */
function completionSubscription(): { maxAttempts: number; backoffMs: number[] } {
  const sub = DRILL_TOPICS.flatMap((t) => t.subscriptions).find((s) => s.name === phase3CompletionSubscription());
  if (!sub) throw new Error("no phase-3 completion subscription");
  const backoffMs = Array.from({ length: sub.maxDeliveryAttempts - 1 }, (_, i) => Math.min(sub.retry.minimumBackoffSeconds * 1000 * 2 ** i, sub.retry.maximumBackoffSeconds * 1000));
  return { maxAttempts: sub.maxDeliveryAttempts, backoffMs };
}

async function runDrill(name: string): Promise<DrillResult> {
  const drill = drills.find((d) => d.name === name);
  if (!drill) throw new Error(`no drill ${name}`);
  const workDir = mkdtempSync(join(tmpdir(), `nba-props-drill-test-${name}-`));
  try {
    return await drill.run({ workDir });
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

describe("orchestration drills", () => {
  test("the gate drills exercise the declared 3->4 transition on the catalog's own subscriptions (not a planned copy)", () => {
    expect(catalog.transitions.map((t) => t.name)).toContain(PHASE3_TO_4.name);
    const declared = catalog.topics.flatMap((t) => t.subscriptions.map((s) => s.name));
    expect(declared).toContain(phase3CompletionSubscription());
    expect(declared).toContain(`${PHASE3_TO_4.triggerTopic}--${PHASE3_TO_4.nextRole}`);
  });

  test("the five drills are registered", () => {
    expect(drills.map((d) => d.name)).toEqual(expect.arrayContaining(["gate-validation-fails", "gate-health-fails", "poison-message", "flaky-transient", "schedule-hang"]));
  });

  test.each(["gate-validation-fails", "gate-health-fails"])("%s: nothing published or latched, one alert; fixed -> published by the sweep; override published and recorded", async (name) => {
    const r = await runDrill(name);
    expect(r).toMatchObject({
      drill: name,
      passed: true,
      published: 0,
      latched: false,
      dead_lettered: 0,
      alerts: 1,
      published_after_fix: 1,
      latched_after_fix: true,
      alerts_after_fix: 0,
      gate_passed_events: 1,
      override_published: 1,
      override_recorded: true,
    });
    // The two critical completions wait (2 of 5, below the 0.6 share); the one that completes the set
    // (3 of 5) and the two after it are each delivered the subscription's full attempts.
    const { maxAttempts } = completionSubscription();
    expect(maxAttempts).toBeGreaterThan(1);
    expect(r.deliveries).toBe(2 + 3 * maxAttempts);
    expect(r.reasons).toEqual([expect.stringMatching(name === "gate-health-fails" ? /^health: .*answered 503$/ : /^validation: 1 blocking check\(s\) failed .*teams_per_game \(critical\)$/)]);
    expect(r.sweep_while_broken).toEqual(["blocked"]);
  });

  test("poison-message: delivered exactly the subscription's configured attempts with exponential backoff, dead-lettered, alerted", async () => {
    const r = await runDrill("poison-message");
    const { maxAttempts, backoffMs } = completionSubscription();
    expect(r).toMatchObject({ passed: true, published: 0, deliveries: maxAttempts, max_attempts: maxAttempts, dead_lettered: 1, dead_letter_alerts: 1, backoff_ms: backoffMs });
    expect(r.last_reason).toMatch(/phase_completions document is corrupt/);
  });

  test("flaky-transient: succeeds on the third delivery, one trigger, no duplicate", async () => {
    const r = await runDrill("flaky-transient");
    expect(r).toMatchObject({ passed: true, published: 1, latched: true, succeeded_on_delivery: 3, duplicate_rows: 0, completion_entries: 5, dead_lettered: 0, alerts: 0 });
    // 2 (waiting) + 3 (fail, fail, publish) + 2 (already triggered)
    expect(r.deliveries).toBe(7);
  });

  test("schedule-hang: errors within the timeout, aborts its calls, never treats the day as empty", async () => {
    const r = await runDrill("schedule-hang");
    expect(r).toMatchObject({ passed: true, published: 0, latched: false, error_code: "SCHEDULE_LOOKUP_FAILED", treated_as_empty: false, default_timeout_ms: 30_000 });
    // Real timers: 600 ms configured, with slack for a loaded machine; a hang would never return.
    expect(r.elapsed_ms).toBeLessThan(600 + 1_500);
    expect(r.aborted_calls).toBe(r.deliveries);
  });

  test("the drill command prints the contract fields as JSON", async () => {
    const result = await runCliCaptured(["drill", "flaky-transient", "--json"]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(expect.arrayContaining(["drill", "passed", "published", "latched", "deliveries", "dead_lettered"]));
  });
});
