import { catalog } from "../catalog/catalog";
import { LOG_EVENTS } from "../catalog/monitoring";
import { errorMessage } from "../domain/error-message";
import type { Platform } from "../platform/platform";
import { HEARTBEATS_COLLECTION, heartbeatDocumentSchema, type HeartbeatDocument } from "./heartbeat-document";
import { DEFAULT_HEARTBEAT_INTERVAL_SECONDS } from "./heartbeat-settings";
import type { RunRecord } from "./run-record";
import { planStuckSweep, type StoredHeartbeat, type StuckVerdict } from "./stuck-detector";

/** For a processor the catalog no longer declares: the longest limit any phase uses today. */
const UNDECLARED_STALL_LIMIT_SECONDS = 600;

function declaredStallLimit(phase: string, processorName: string): number {
  const spec = phase === "phase_1_scrapers" ? catalog.scrapers.find((s) => s.name === processorName) : catalog.processors.find((p) => p.phase === phase && p.name === processorName);
  return spec?.stallLimitSeconds ?? UNDECLARED_STALL_LIMIT_SECONDS;
}

/** A stuck scope's trigger is republished at most this many times until one of its runs succeeds. */
export const DEFAULT_REPUBLISH_LIMIT = 2;

export interface SweepOptions {
  readonly republishLimit?: number;
  /** The interval assumed for a running run that has no heartbeat document yet. */
  readonly defaultIntervalSeconds?: number;
}

export interface SweptRun {
  readonly run_id: string;
  readonly processor_name: string;
  readonly phase: string;
  readonly scope: string;
  readonly code: StuckVerdict["code"];
  readonly idle_seconds: number;
  readonly limit_seconds: number;
  readonly reason: string;
  readonly republished: boolean;
}

/** What `nba-props monitor sweep --json` prints. */
export interface SweepReport {
  readonly swept_at: string;
  readonly running_runs: number;
  readonly running_heartbeats: number;
  readonly stuck: SweptRun[];
  readonly reconciled: { readonly heartbeat_id: string; readonly run_id: string; readonly status: string }[];
  readonly skipped_heartbeats: string[];
}

/**
 * The stuck sweeper: reads the running runs and heartbeats, judges them (planStuckSweep), then
 * fails each stuck run's ledger record with `stuck_dead` / `stuck_stalled`, ends its heartbeat,
 * logs `run_stuck`, alerts, and may republish the run's trigger. A run is failed and alerted
 * once: a second sweep, or a run that ended meanwhile, changes nothing.
 */
export async function sweepStuckRuns(platform: Platform, options: SweepOptions = {}): Promise<SweepReport> {
  const now = platform.clock.now();
  const runningRuns = await platform.ledger.running();
  const skipped: string[] = [];
  const runningHeartbeats: StoredHeartbeat[] = [];
  for (const snap of await platform.docStore.query(HEARTBEATS_COLLECTION, [{ field: "status", op: "==", value: "running" }])) {
    const parsed = heartbeatDocumentSchema.safeParse(snap.data);
    if (parsed.success) runningHeartbeats.push({ id: snap.id, doc: parsed.data });
    else skipped.push(snap.id);
  }
  if (skipped.length > 0) platform.logger.warn({ event: "heartbeat_unreadable", ids: skipped }, `${skipped.length} heartbeat document(s) do not have the heartbeat shape; not judged`);
  const runningIds = new Set(runningRuns.map((r) => r.run_id));
  const endedRuns = new Map<string, RunRecord | null>();
  for (const beat of runningHeartbeats) {
    if (runningIds.has(beat.doc.run_id)) continue;
    const record = await platform.ledger.get(beat.doc.run_id);
    endedRuns.set(beat.doc.run_id, record && record.status !== "running" ? record : null);
  }
  const plan = planStuckSweep({
    now,
    runningRuns,
    runningHeartbeats,
    endedRuns,
    defaultIntervalSeconds: options.defaultIntervalSeconds ?? platform.heartbeat?.intervalSeconds ?? DEFAULT_HEARTBEAT_INTERVAL_SECONDS,
    stallLimitFor: declaredStallLimit,
  });

  const reconciled: SweepReport["reconciled"][number][] = [];
  for (const r of plan.reconcile) {
    const changed = await endHeartbeat(platform, r.heartbeatId, r.runId, r.status, null, now, null);
    if (changed) reconciled.push({ heartbeat_id: r.heartbeatId, run_id: r.runId, status: r.status });
  }
  const stuck: SweptRun[] = [];
  for (const verdict of plan.stuck) {
    const swept = await failStuckRun(platform, verdict, now, options.republishLimit ?? DEFAULT_REPUBLISH_LIMIT);
    if (swept) stuck.push(swept);
  }
  return { swept_at: now.toISOString(), running_runs: runningRuns.length, running_heartbeats: runningHeartbeats.length, stuck, reconciled, skipped_heartbeats: skipped };
}

async function failStuckRun(platform: Platform, verdict: StuckVerdict, now: Date, republishLimit: number): Promise<SweptRun | null> {
  const message = `${verdict.processorName} ${verdict.scope} is ${verdict.reason}`;
  let failedInLedger = false;
  if (verdict.inLedger) {
    // null: the run ended between the read and now; its own final status stands.
    if (!(await platform.ledger.failRunning(verdict.runId, verdict.code, message))) return null;
    failedInLedger = true;
  }
  let trigger: HeartbeatDocument["trigger"] = null;
  if (verdict.heartbeatId) {
    let ended: Awaited<ReturnType<typeof endHeartbeat>> = null;
    try {
      ended = await endHeartbeat(platform, verdict.heartbeatId, verdict.runId, "failed", verdict.code, now, republishLimit);
    } catch (err) {
      // Only the ledger record decides "once": with it failed, the alert must still go out; the
      // heartbeat is set to the ledger's end by the next sweep.
      if (!failedInLedger) throw err;
      platform.logger.error({ err, run_id: verdict.runId }, `could not end the heartbeat of ${verdict.processorName} ${verdict.scope}: ${errorMessage(err)}`);
    }
    if (!ended && !failedInLedger) return null;
    trigger = ended && ended.republish ? ended.trigger : null;
  }
  let republished = false;
  if (trigger) {
    try {
      await platform.bus.publish(trigger.topic, JSON.parse(trigger.body_json));
      republished = true;
    } catch (err) {
      platform.logger.error({ err, run_id: verdict.runId, topic: trigger.topic }, `could not republish the trigger of ${verdict.processorName} ${verdict.scope}: ${errorMessage(err)}`);
    }
  }
  const swept: SweptRun = {
    run_id: verdict.runId,
    processor_name: verdict.processorName,
    phase: verdict.phase,
    scope: verdict.scope,
    code: verdict.code,
    idle_seconds: verdict.idleSeconds,
    limit_seconds: verdict.limitSeconds,
    reason: verdict.reason,
    republished,
  };
  platform.logger.error({ event: LOG_EVENTS.runStuck, ...swept }, message);
  await platform.notifier.notify({
    severity: "critical",
    title: `${verdict.processorName} ${verdict.scope} ${verdict.code === "stuck_dead" ? "stopped beating" : "stopped making progress"}`,
    message: `${message}; recorded as failed (${verdict.code})${republished ? ", trigger republished" : ""}`,
    context: { processor: verdict.processorName, phase: verdict.phase, scope: verdict.scope, run_id: verdict.runId, error_type: verdict.code, republished },
    source: verdict.processorName,
    category: "run_stuck",
    scope: verdict.scope,
  });
  return swept;
}

/**
 * Ends a heartbeat that still says running for `runId` (another run may own the document by now,
 * then it is left alone). With a republish limit, also counts a republish when one is allowed.
 */
async function endHeartbeat(
  platform: Platform,
  id: string,
  runId: string,
  status: "completed" | "failed",
  errorType: string | null,
  now: Date,
  republishLimit: number | null,
): Promise<{ trigger: HeartbeatDocument["trigger"]; republish: boolean } | null> {
  return platform.docStore.transaction(async (tx) => {
    const parsed = heartbeatDocumentSchema.safeParse(await tx.get(HEARTBEATS_COLLECTION, id));
    if (!parsed.success || parsed.data.run_id !== runId || parsed.data.status !== "running") return null;
    const doc = parsed.data;
    const republish = republishLimit !== null && doc.trigger !== null && doc.republishes < republishLimit;
    const next: HeartbeatDocument = {
      ...doc,
      status,
      finished_at: now.toISOString(),
      error_type: status === "failed" ? errorType : null,
      republishes: republish ? doc.republishes + 1 : doc.republishes,
    };
    tx.set(HEARTBEATS_COLLECTION, id, { ...next });
    return { trigger: doc.trigger, republish };
  });
}
