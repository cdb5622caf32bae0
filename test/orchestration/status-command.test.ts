import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DRILL_DATE } from "../../runtime/drills/orchestration-harness";
import { buildCompletionMessage } from "../../runtime/messages/completion-message";
import { silentLogger } from "../../runtime/monitoring/logger";
import { recordAndAdvance, transitionFor } from "../../runtime/orchestration/transition-handler";
import { openLocalPlatform } from "../../runtime/platform/local/local-platform";
import { SimulatedClock } from "../../runtime/platform/local/simulated-clock";
import { runCliCaptured } from "../support/cli";

// The status and override commands run on the local platform, which runs only declared transitions (2->3 today).
const phase2to3 = transitionFor("phase2-to-phase3");

function rawCompletion(processor: string, at: Date): unknown {
  return buildCompletionMessage({ processor_name: processor, phase: "phase_2_raw", execution_id: `e-${processor}`, correlation_id: "corr-status", game_date: DRILL_DATE, status: "success", timestamp: at.toISOString(), record_count: 5 });
}

describe("status and gate override commands", () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "nba-props-status-"));
    const clock = new SimulatedClock("2025-03-16T14:00:00.000Z");
    const platform = await openLocalPlatform({ dataDir: dir, clock, logger: silentLogger(), alertStream: { write: () => true } });
    try {
      const ctx = { platform, health: { check: () => Promise.resolve({ healthy: false, detail: "analytics-processors: 503" }) } };
      for (const e of phase2to3.expected.overnight) await recordAndAdvance(ctx, phase2to3, rawCompletion(e.processor, clock.now()));
    } finally {
      await platform.close();
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("status --json shows completions, the blocked gate with its reasons, and the open alert", async () => {
    const result = await runCliCaptured(["status", "--date", DRILL_DATE, "--data-dir", dir, "--json"]);
    expect(result.code).toBe(0);
    const status = JSON.parse(result.stdout) as { date: string; phases: { phase: string; transition: Record<string, unknown> | null; validation: { status: string } }[]; open_alerts: unknown[] };
    expect(status.date).toBe(DRILL_DATE);
    const phase2 = status.phases.find((p) => p.phase === "phase_2_raw");
    expect(phase2?.transition).toMatchObject({
      transition: "phase2-to-phase3",
      state: "blocked",
      missing: [],
      blocked_reasons: ["health: analytics-processors: 503"],
      triggered_at: null,
    });
    expect(phase2?.validation.status).toBe("none");
    // A planned transition (3->4) is not declared, so status shows no gate out of phase 3.
    expect(status.phases.find((p) => p.phase === "phase_3_analytics")?.transition ?? null).toBeNull();
    expect(status.open_alerts).toEqual([expect.objectContaining({ kind: "gate_blocked", subject: `phase2-to-phase3 ${DRILL_DATE}`, message: "health: analytics-processors: 503" })]);
  });

  test("gate override publishes and is recorded; a second override is refused; status shows it", async () => {
    const usage = await runCliCaptured(["gate", "override", "--phase", "7", "--date", DRILL_DATE, "--reason", "x y z", "--data-dir", dir]);
    expect(usage.code).toBe(2);
    // No gate starts phase 4 on main (planned, not declared): refused, nothing recorded.
    const planned = await runCliCaptured(["gate", "override", "--phase", "4", "--date", DRILL_DATE, "--reason", "not running yet", "--data-dir", dir]);
    expect(planned.code).toBe(1);
    expect(planned.stderr).toMatch(/no gate starts phase_4_precompute/);
    const first = await runCliCaptured(["gate", "override", "--phase", "3", "--date", DRILL_DATE, "--reason", "readiness probe misconfigured", "--by", "ops", "--data-dir", dir, "--json"]);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ transition: "phase2-to-phase3", game_date: DRILL_DATE, phase: "phase_3_analytics", reason: "readiness probe misconfigured", by: "ops" });
    const again = await runCliCaptured(["gate", "override", "--phase", "3", "--date", DRILL_DATE, "--reason", "again", "--data-dir", dir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already started/);
    const status = JSON.parse((await runCliCaptured(["status", "--date", DRILL_DATE, "--data-dir", dir, "--json"])).stdout) as { phases: { phase: string; transition: Record<string, unknown> | null }[]; open_alerts: unknown[] };
    expect(status.phases.find((p) => p.phase === "phase_2_raw")?.transition).toMatchObject({ state: "triggered", trigger_reason: "override", override: { reason: "readiness probe misconfigured", by: "ops" } });
    // The override publishes the phase-3 trigger; its consumer (the analytics service, or a running
    // pipeline) starts phase 3. The command itself runs nothing, so no run has failed.
    expect(status.open_alerts).toEqual([]);
  });
});
