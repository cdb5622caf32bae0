import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyticsCompletion, DRILL_DATE } from "../../runtime/drills/orchestration-harness";
import { silentLogger } from "../../runtime/monitoring/logger";
import { recordAndAdvance, transitionFor } from "../../runtime/orchestration/transition-handler";
import { openLocalPlatform } from "../../runtime/platform/local/local-platform";
import { SimulatedClock } from "../../runtime/platform/local/simulated-clock";
import { runCliCaptured } from "../support/cli";

const phase3to4 = transitionFor("phase3-to-phase4");

describe("status and gate override commands", () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "nba-props-status-"));
    const clock = new SimulatedClock("2025-03-16T14:00:00.000Z");
    const platform = await openLocalPlatform({ dataDir: dir, clock, logger: silentLogger(), alertStream: { write: () => true } });
    try {
      const ctx = { platform, health: { check: () => Promise.resolve({ healthy: false, detail: "precompute-processors: 503" }) } };
      for (const e of phase3to4.expected.overnight) await recordAndAdvance(ctx, phase3to4, analyticsCompletion(e.processor, DRILL_DATE, clock.now()));
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
    const phase3 = status.phases.find((p) => p.phase === "phase_3_analytics");
    expect(phase3?.transition).toMatchObject({
      transition: "phase3-to-phase4",
      state: "blocked",
      missing: [],
      blocked_reasons: ["health: precompute-processors: 503"],
      triggered_at: null,
    });
    expect(phase3?.validation.status).toBe("none");
    expect(status.open_alerts).toEqual([expect.objectContaining({ kind: "gate_blocked", subject: `phase3-to-phase4 ${DRILL_DATE}`, message: "health: precompute-processors: 503" })]);
  });

  test("gate override publishes and is recorded; a second override is refused; status shows it", async () => {
    const usage = await runCliCaptured(["gate", "override", "--phase", "7", "--date", DRILL_DATE, "--reason", "x y z", "--data-dir", dir]);
    expect(usage.code).toBe(2);
    const first = await runCliCaptured(["gate", "override", "--phase", "4", "--date", DRILL_DATE, "--reason", "readiness probe misconfigured", "--by", "ops", "--data-dir", dir, "--json"]);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ transition: "phase3-to-phase4", game_date: DRILL_DATE, phase: "phase_4_precompute", reason: "readiness probe misconfigured", by: "ops" });
    const again = await runCliCaptured(["gate", "override", "--phase", "4", "--date", DRILL_DATE, "--reason", "again", "--data-dir", dir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already started/);
    const status = JSON.parse((await runCliCaptured(["status", "--date", DRILL_DATE, "--data-dir", dir, "--json"])).stdout) as { phases: { phase: string; transition: Record<string, unknown> | null }[]; open_alerts: unknown[] };
    expect(status.phases.find((p) => p.phase === "phase_3_analytics")?.transition).toMatchObject({ state: "triggered", trigger_reason: "override", override: { reason: "readiness probe misconfigured", by: "ops" } });
    expect(status.open_alerts).toEqual([]);
  });
});
