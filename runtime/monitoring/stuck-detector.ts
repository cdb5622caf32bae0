import { heartbeatId, type HeartbeatDocument, type HeartbeatStatus } from "./heartbeat-document";
import { MISSED_BEATS_DEAD } from "./heartbeat-settings";
import { terminalStatusOf } from "./run-heartbeat";
import type { RunRecord } from "./run-record";

export type StuckCode = "stuck_dead" | "stuck_stalled";

export interface StoredHeartbeat {
  readonly id: string;
  readonly doc: HeartbeatDocument;
}

/** A run the sweeper must fail: dead (no beat) or stalled (beats, no progress). */
export interface StuckVerdict {
  readonly code: StuckCode;
  readonly runId: string;
  readonly processorName: string;
  readonly phase: string;
  readonly scope: string;
  /** The heartbeat document of the run, when it has one. */
  readonly heartbeatId: string | null;
  /** False when only the heartbeat knows the run (its ledger record is gone). */
  readonly inLedger: boolean;
  /** Seconds since the last beat (dead) or the last progress (stalled). */
  readonly idleSeconds: number;
  /** The limit that was passed, in seconds. */
  readonly limitSeconds: number;
  readonly reason: string;
}

/** A heartbeat still saying running for a run the ledger has already ended: set it to the ledger's end. */
export interface Reconciliation {
  readonly heartbeatId: string;
  readonly runId: string;
  readonly status: Exclude<HeartbeatStatus, "running">;
}

export interface StuckInput {
  readonly now: Date;
  /** Ledger records still running. */
  readonly runningRuns: readonly RunRecord[];
  /** Heartbeat documents saying running. */
  readonly runningHeartbeats: readonly StoredHeartbeat[];
  /** Ledger records of running heartbeats whose run is not in `runningRuns` (null: no record). */
  readonly endedRuns: ReadonlyMap<string, RunRecord | null>;
  /** The interval assumed for a running run that has no heartbeat document yet. */
  readonly defaultIntervalSeconds: number;
  /** The declared stall limit of a processor (catalog), for runs that have no heartbeat document. */
  readonly stallLimitFor: (phase: string, processorName: string) => number;
}

export interface StuckPlan {
  readonly stuck: StuckVerdict[];
  readonly reconcile: Reconciliation[];
}

/** Silence longer than this is dead: 3 missed beats, plus half a beat for a late write. */
export function deadAfterSeconds(intervalSeconds: number): number {
  return MISSED_BEATS_DEAD * intervalSeconds + intervalSeconds / 2;
}

const secondsBetween = (from: string, now: Date): number => Math.max(0, (now.getTime() - Date.parse(from)) / 1000);

function judge(run: { runId: string; processorName: string; phase: string; scope: string; inLedger: boolean }, beat: StoredHeartbeat | null, startedAt: string, input: StuckInput): StuckVerdict | null {
  const interval = beat?.doc.interval_seconds ?? input.defaultIntervalSeconds;
  const silent = secondsBetween(beat?.doc.last_beat_at ?? startedAt, input.now);
  // A run with no heartbeat document died in its first second, or its beats failed (a store outage)
  // and the next one is due: only silence past its stall limit as well tells the two apart.
  const deadLimit = beat ? deadAfterSeconds(interval) : Math.max(deadAfterSeconds(interval), input.stallLimitFor(run.phase, run.processorName));
  const base = { ...run, heartbeatId: beat?.id ?? null };
  if (silent > deadLimit) {
    const what = beat ? `last beat ${beat.doc.last_beat_at}` : `no heartbeat since its start at ${startedAt}`;
    return { ...base, code: "stuck_dead", idleSeconds: Math.round(silent), limitSeconds: deadLimit, reason: `dead: ${what}, ${Math.round(silent)} s ago (limit ${deadLimit} s: ${MISSED_BEATS_DEAD} missed beats of ${interval} s)` };
  }
  if (!beat) return null;
  const still = secondsBetween(beat.doc.last_progress_at, input.now);
  if (still >= beat.doc.stall_limit_seconds) {
    const p = beat.doc.progress;
    return {
      ...base,
      code: "stuck_stalled",
      idleSeconds: Math.round(still),
      limitSeconds: beat.doc.stall_limit_seconds,
      reason: `stalled: progress (${p.stage} ${p.done}/${p.total ?? "?"}) unchanged since ${beat.doc.last_progress_at}, ${Math.round(still)} s (limit ${beat.doc.stall_limit_seconds} s)`,
    };
  }
  return null;
}

/**
 * Which runs are stuck and which heartbeats lag their ledger record: a pure judgement over what
 * the ledger and the heartbeats say, so the sweeper's I/O stays a thin step after it.
 */
export function planStuckSweep(input: StuckInput): StuckPlan {
  const stuck: StuckVerdict[] = [];
  const reconcile: Reconciliation[] = [];
  const byId = new Map(input.runningHeartbeats.map((b) => [b.id, b]));
  const runningIds = new Set(input.runningRuns.map((r) => r.run_id));
  for (const run of input.runningRuns) {
    const found = byId.get(heartbeatId(run.phase, run.processor_name, run.scope));
    const beat = found && found.doc.run_id === run.run_id ? found : null;
    const verdict = judge({ runId: run.run_id, processorName: run.processor_name, phase: run.phase, scope: run.scope, inLedger: true }, beat, run.started_at, input);
    if (verdict) stuck.push(verdict);
  }
  for (const beat of input.runningHeartbeats) {
    if (runningIds.has(beat.doc.run_id)) continue;
    const ended = input.endedRuns.get(beat.doc.run_id) ?? null;
    if (ended) {
      reconcile.push({ heartbeatId: beat.id, runId: beat.doc.run_id, status: terminalStatusOf(ended.status) });
      continue;
    }
    const verdict = judge({ runId: beat.doc.run_id, processorName: beat.doc.processor_name, phase: beat.doc.phase, scope: beat.doc.scope, inLedger: false }, beat, beat.doc.started_at, input);
    if (verdict) stuck.push(verdict);
  }
  return { stuck, reconcile };
}
