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

// The status and override commands run on the local platform, which runs only declared transitions (2->3, 3->4).
const phase2to3 = transitionFor("phase2-to-phase3");
const phase3to4 = transitionFor("phase3-to-phase4");

function rawCompletion(processor: string, at: Date): unknown {
  return buildCompletionMessage({ processor_name: processor, phase: "phase_2_raw", execution_id: `e-${processor}`, correlation_id: "corr-status", game_date: DRILL_DATE, status: "success", timestamp: at.toISOString(), record_count: 5 });
}

function analyticsCompletion(processor: string, at: Date): unknown {
  return buildCompletionMessage({ processor_name: processor, phase: "phase_3_analytics", execution_id: `e-${processor}`, correlation_id: "corr-status", game_date: DRILL_DATE, status: "success", timestamp: at.toISOString(), record_count: 7 });
}

describe("status and gate override commands", () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "nba-props-status-"));
    const clock = new SimulatedClock("2025-03-16T14:00:00.000Z");
    const platform = await openLocalPlatform({ dataDir: dir, clock, logger: silentLogger(), alertStream: { write: () => true } });
    try {
      const ctx = { platform, health: { check: (role: string) => Promise.resolve({ healthy: false, detail: `${role}: 503` }) } };
      for (const e of phase2to3.expected.overnight) await recordAndAdvance(ctx, phase2to3, rawCompletion(e.processor, clock.now()));
      // Phase 3 ran (say, from an earlier trigger): its completions reach the 3->4 transition, whose precompute service is down.
      for (const e of phase3to4.expected.overnight) await recordAndAdvance(ctx, phase3to4, analyticsCompletion(e.processor, clock.now()));
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
    // The 3->4 transition: its completions and its gate results (the precompute service's health failed, validation passed).
    expect(status.phases.find((p) => p.phase === "phase_3_analytics")?.transition).toMatchObject({
      transition: "phase3-to-phase4",
      into: "phase_4_precompute",
      state: "blocked",
      expected: phase3to4.expected.overnight.map((e) => e.processor),
      completions: phase3to4.expected.overnight.map((e): unknown => expect.objectContaining({ processor: e.processor, status: "success", record_count: 7 })),
      missing: [],
      gate: { status: "blocked", checks: [{ gate: "health", passed: false, detail: "precompute-processors: 503" }, expect.objectContaining({ gate: "validation", passed: true })] },
      blocked_reasons: ["health: precompute-processors: 503"],
    });
    // 4->5 is planned (no prediction service): no gate out of phase 4.
    expect(status.phases.find((p) => p.phase === "phase_4_precompute")?.transition ?? null).toBeNull();
    expect(status.open_alerts).toEqual([
      expect.objectContaining({ kind: "gate_blocked", subject: `phase2-to-phase3 ${DRILL_DATE}`, message: "health: analytics-processors: 503" }),
      expect.objectContaining({ kind: "gate_blocked", subject: `phase3-to-phase4 ${DRILL_DATE}`, message: "health: precompute-processors: 503" }),
    ]);
  });

  test("gate override publishes and is recorded; a second override is refused; status shows it", async () => {
    const usage = await runCliCaptured(["gate", "override", "--phase", "7", "--date", DRILL_DATE, "--reason", "x y z", "--data-dir", dir]);
    expect(usage.code).toBe(2);
    // No gate starts phase 5 (planned, not declared): refused, nothing recorded.
    const planned = await runCliCaptured(["gate", "override", "--phase", "5", "--date", DRILL_DATE, "--reason", "not running yet", "--data-dir", dir]);
    expect(planned.code).toBe(1);
    expect(planned.stderr).toMatch(/no gate starts phase_5_predictions/);
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
    expect(status.open_alerts).toEqual([expect.objectContaining({ subject: `phase3-to-phase4 ${DRILL_DATE}` })]);
    const phase4 = await runCliCaptured(["gate", "override", "--phase", "4", "--date", DRILL_DATE, "--reason", "precompute probe flaky", "--by", "ops", "--data-dir", dir, "--json"]);
    expect(phase4.code).toBe(0);
    expect(JSON.parse(phase4.stdout)).toMatchObject({ transition: "phase3-to-phase4", phase: "phase_4_precompute", reason: "precompute probe flaky" });
    const after = JSON.parse((await runCliCaptured(["status", "--date", DRILL_DATE, "--data-dir", dir, "--json"])).stdout) as { phases: { phase: string; transition: Record<string, unknown> | null }[]; open_alerts: unknown[] };
    expect(after.phases.find((p) => p.phase === "phase_3_analytics")?.transition).toMatchObject({ state: "triggered", trigger_reason: "override", override: { reason: "precompute probe flaky", by: "ops" } });
    expect(after.open_alerts).toEqual([]);
  });
});
