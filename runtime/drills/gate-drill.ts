import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { LOG_EVENTS } from "../catalog/monitoring";
import { overrideGate } from "../orchestration/gate-override";
import { sweepGates } from "../orchestration/gate-sweep";
import { httpHealthProbe, type HealthProbe } from "../orchestration/health-probe";
import type { DrillResult } from "./drill";
import {
  completePhase3,
  countEvents,
  deliveriesOn,
  DRILL_DATE,
  openDrillPlatform,
  orchestratorOn,
  PHASE3_TO_4,
  phase3CompletionSubscription,
  stateOf,
  wirePhase3To4,
  writeValidationResult,
  type DrillPlatform,
} from "./orchestration-harness";

const OVERRIDE_DATE = "2025-03-14";
const HALF_HOUR_MS = 30 * 60_000;

/** What breaks the gate, and how the cause is fixed (by itself, with no operator action). */
interface GateFault {
  readonly health: (platform: DrillPlatform) => HealthProbe | undefined;
  readonly breakFor: (platform: DrillPlatform, gameDate: string) => Promise<void>;
  readonly fixFor: (platform: DrillPlatform, gameDate: string) => Promise<void>;
}

/** A readiness endpoint on loopback that answers 503 until the fault is fixed. */
async function readinessServer(): Promise<{ url: string; setReady(ready: boolean): void; close(): Promise<void> }> {
  let ready = true;
  const server: Server = createServer((req, res) => {
    res.statusCode = req.url === "/health/ready" && ready ? 200 : 503;
    res.end(ready ? "ready" : "not ready");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setReady: (r) => (ready = r),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function runGateDrill(name: string, workDir: string, fault: GateFault, cleanup: () => Promise<void>): Promise<DrillResult> {
  const platform = await openDrillPlatform(workDir);
  try {
    const ctx = orchestratorOn(platform, fault.health(platform));
    const { triggers } = wirePhase3To4(platform, ctx);

    await fault.breakFor(platform, DRILL_DATE);
    await completePhase3(platform, DRILL_DATE);
    const blocked = await stateOf(platform, PHASE3_TO_4, DRILL_DATE);
    const published = triggers.length;
    const latched = blocked?.triggered ?? false;
    const alerts = platform.alerts.length;
    const deliveries = deliveriesOn(platform, phase3CompletionSubscription());
    const deadLettered = platform.bus.deadLetters.length;
    const blockedEvents = countEvents(platform, LOG_EVENTS.gateBlocked);
    const sweepWhileBroken = await sweepGates(ctx);

    // The cause is fixed; the next scheduled sweep half an hour later publishes with no operator action.
    platform.clock.advance(HALF_HOUR_MS);
    await fault.fixFor(platform, DRILL_DATE);
    const sweep = await sweepGates(ctx);
    const after = await stateOf(platform, PHASE3_TO_4, DRILL_DATE);
    const publishedAfterFix = triggers.length - published;
    const alertsAfterFix = platform.alerts.length - alerts;

    // A second date stays broken; an operator overrides it with a reason.
    await fault.breakFor(platform, OVERRIDE_DATE);
    await completePhase3(platform, OVERRIDE_DATE);
    const beforeOverride = triggers.length;
    const override = await overrideGate(ctx, { phase: PHASE3_TO_4.to, gameDate: OVERRIDE_DATE, reason: "drill: known validator false positive", by: "drill-operator" });
    const overridden = await stateOf(platform, PHASE3_TO_4, OVERRIDE_DATE);

    const result = {
      drill: name,
      published,
      latched,
      deliveries,
      dead_lettered: deadLettered,
      alerts,
      gate_blocked_events: blockedEvents,
      reasons: blocked?.gate?.reasons ?? [],
      sweep_while_broken: sweepWhileBroken.map((s) => s.outcome),
      published_after_fix: publishedAfterFix,
      latched_after_fix: after?.triggered ?? false,
      alerts_after_fix: alertsAfterFix,
      sweep_after_fix: sweep.map((s) => `${s.game_date} ${s.outcome}`),
      gate_passed_events: countEvents(platform, LOG_EVENTS.gatePassed),
      override_published: triggers.length - beforeOverride,
      override_recorded: overridden?.override?.reason === override.reason && overridden.triggerReason === "override" && overridden.triggered,
    };
    const passed =
      result.published === 0 &&
      !result.latched &&
      result.alerts === 1 &&
      result.dead_lettered === 0 &&
      result.gate_blocked_events > 0 &&
      result.reasons.length > 0 &&
      result.sweep_while_broken.every((o) => o === "blocked") &&
      result.published_after_fix === 1 &&
      result.latched_after_fix &&
      result.alerts_after_fix === 0 &&
      result.gate_passed_events === 1 &&
      result.override_published === 1 &&
      result.override_recorded;
    return { ...result, passed };
  } finally {
    await platform.close();
    await cleanup();
  }
}

export async function runGateValidationFails(workDir: string): Promise<DrillResult> {
  let run = 0;
  const write = (platform: DrillPlatform, gameDate: string, passed: boolean): Promise<void> =>
    writeValidationResult(platform, {
      runId: `drill-run-${++run}`,
      gameDate,
      processor: "team_defense_game_summary",
      check: "teams_per_game",
      passed,
      severity: "critical",
      at: platform.clock.now(),
    });
  return runGateDrill(
    "gate-validation-fails",
    workDir,
    {
      health: () => undefined,
      breakFor: (p, d) => write(p, d, false),
      // The data is repaired and the validator re-runs: the latest result of the check passes.
      fixFor: (p, d) => write(p, d, true),
    },
    () => Promise.resolve(),
  );
}

export async function runGateHealthFails(workDir: string): Promise<DrillResult> {
  const server = await readinessServer();
  return runGateDrill(
    "gate-health-fails",
    workDir,
    {
      health: () => httpHealthProbe(() => server.url, { timeoutMs: 2_000 }),
      breakFor: () => Promise.resolve(server.setReady(false)),
      fixFor: () => Promise.resolve(server.setReady(true)),
    },
    () => server.close(),
  );
}
