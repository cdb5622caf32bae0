import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { LOG_EVENTS } from "../catalog/monitoring";
import type { Phase } from "../catalog/types";
import type { SourceKind } from "../domain/source-kind";
import type { Clock } from "../platform/ports/clock";
import type { DocStore } from "../platform/ports/doc-store";
import type { Logger } from "./logger";
import type { EmptyReason, FinalRunStatus, RunRecord } from "./run-record";
import { zeroRowCategoryOf } from "./zero-row-category";

export const RUNS_COLLECTION = "processor_runs";
/** Run records are kept for 90 days, then the store's TTL removes them. */
const RUN_RETENTION_DAYS = 90;
/** A run record stays small: at most this many affected keys (the quarantine collection has them all, up to its sample). */
const AFFECTED_KEYS_KEPT = 100;

export interface RunStart {
  readonly processorName: string;
  readonly phase: Phase;
  readonly scope: string;
  readonly gameDate: string;
  readonly correlationId?: string;
  readonly triggerSource?: RunRecord["trigger_source"];
  readonly sourceKind: SourceKind;
}

export interface RunOutcome {
  readonly status: FinalRunStatus;
  readonly recordsReceived?: number | null;
  readonly rowsWritten: number;
  readonly rowsInserted?: number;
  readonly rowsUpdated?: number;
  readonly rowsQuarantined?: number;
  readonly rowsFiltered?: number;
  readonly emptyReason?: EmptyReason | null;
  readonly errorType?: string | null;
  readonly errorMessage?: string | null;
  readonly rowsRead?: number | null;
  readonly rowsSkipped?: number;
  readonly missingGames?: readonly string[];
  readonly affectedKeys?: readonly string[];
  readonly inputHash?: string | null;
  readonly duplicateOf?: string | null;
}

/** The TTL field is written as a Date, which Firestore stores as a Timestamp: its TTL policy ignores strings. */
function withTtl(record: RunRecord): Record<string, unknown> {
  return { ...record, expire_at: new Date(record.expire_at) };
}

/** The one place runs are recorded: a document per run, written at start and finished once. */
export class RunLedger {
  constructor(
    private readonly store: DocStore,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async start(start: RunStart): Promise<RunRecord> {
    const now = this.clock.now();
    const runId = randomUUID();
    const expire = new Date(now.getTime() + RUN_RETENTION_DAYS * 86_400_000);
    const record: RunRecord = {
      run_id: runId,
      processor_name: start.processorName,
      phase: start.phase,
      scope: start.scope,
      game_date: start.gameDate,
      correlation_id: start.correlationId ?? runId,
      trigger_source: start.triggerSource ?? "manual",
      source_kind: start.sourceKind,
      owner_pid: process.pid,
      owner_host: hostname(),
      status: "running",
      started_at: now.toISOString(),
      finished_at: null,
      duration_ms: null,
      records_received: null,
      rows_written: 0,
      rows_inserted: 0,
      rows_updated: 0,
      rows_quarantined: 0,
      rows_filtered: 0,
      empty_reason: null,
      rows_read: null,
      rows_skipped: 0,
      zero_row_category: null,
      missing_games: [],
      affected_keys: [],
      input_hash: null,
      duplicate_of: null,
      error_type: null,
      error_message: null,
      expire_at: expire.toISOString(),
    };
    await this.store.set(RUNS_COLLECTION, runId, withTtl(record));
    return record;
  }

  /**
   * Closes, as `failed`, every run still `running` whose owner `isGone` says is no longer there:
   * runs left by a killed process (code `abandoned`) or by this one when it is interrupted
   * (`interrupted`), so no record says "running" forever.
   */
  async closeRunning(code: "abandoned" | "interrupted", isGone: (run: RunRecord) => boolean, why: (run: RunRecord) => string): Promise<RunRecord[]> {
    const closed: RunRecord[] = [];
    for (const run of await this.running()) {
      if (!isGone(run)) continue;
      // Only a record still running is closed, so a run that finished meanwhile keeps its one final status.
      const failed = await this.failRunning(run.run_id, code, why(run));
      if (failed) closed.push(failed);
    }
    return closed;
  }

  async finish(run: RunRecord, outcome: RunOutcome): Promise<RunRecord> {
    const finishedAt = this.clock.now();
    const finished: RunRecord = {
      ...run,
      status: outcome.status,
      finished_at: finishedAt.toISOString(),
      duration_ms: Math.max(0, finishedAt.getTime() - Date.parse(run.started_at)),
      records_received: outcome.recordsReceived ?? null,
      rows_written: outcome.rowsWritten,
      rows_inserted: outcome.rowsInserted ?? 0,
      rows_updated: outcome.rowsUpdated ?? 0,
      rows_quarantined: outcome.rowsQuarantined ?? 0,
      rows_filtered: outcome.rowsFiltered ?? 0,
      empty_reason: outcome.emptyReason ?? null,
      rows_read: outcome.rowsRead ?? null,
      rows_skipped: outcome.rowsSkipped ?? 0,
      zero_row_category: outcome.status === "failed" && outcome.emptyReason !== "real_gap" ? null : zeroRowCategoryOf(outcome),
      missing_games: [...(outcome.missingGames ?? [])],
      affected_keys: [...(outcome.affectedKeys ?? [])].slice(0, AFFECTED_KEYS_KEPT),
      input_hash: outcome.inputHash ?? null,
      duplicate_of: outcome.duplicateOf ?? null,
      error_type: outcome.errorType ?? null,
      error_message: outcome.errorMessage ? outcome.errorMessage.slice(0, 1000) : null,
    };
    await this.store.set(RUNS_COLLECTION, run.run_id, withTtl(finished));
    const log = finished.status === "failed" ? this.logger.error.bind(this.logger) : this.logger.info.bind(this.logger);
    log({ event: LOG_EVENTS.runFinished, ...finished }, `${finished.processor_name} ${finished.scope}: ${finished.status}`);
    return finished;
  }

  /** The record of one run, or null when there is none (or it expired). */
  async get(runId: string): Promise<RunRecord | null> {
    return asRunRecord(await this.store.get(RUNS_COLLECTION, runId));
  }

  /**
   * The newest run of `processorName` for `scope` that loaded rows from exactly this input: a later
   * run of the same input may skip. A run that wrote nothing or failed never counts (RELIABILITY row 1).
   */
  async loadedInput(processorName: string, scope: string, inputHash: string): Promise<RunRecord | null> {
    const docs = await this.store.query(RUNS_COLLECTION, [
      { field: "processor_name", op: "==", value: processorName },
      { field: "input_hash", op: "==", value: inputHash },
    ]);
    const loaded = docs
      .map((d) => asRunRecord(d.data))
      .filter((r): r is RunRecord => r !== null && r.scope === scope && (r.status === "success" || r.status === "partial") && r.rows_written > 0);
    loaded.sort((a, b) => b.started_at.localeCompare(a.started_at));
    return loaded[0] ?? null;
  }

  /** Runs still recorded as running (what the stuck sweeper judges). */
  async running(): Promise<RunRecord[]> {
    const docs = await this.store.query(RUNS_COLLECTION, [{ field: "status", op: "==", value: "running" }]);
    return docs.map((d) => asRunRecord(d.data)).filter((r): r is RunRecord => r !== null);
  }

  /**
   * Fails a run that is still running, with a code (the stuck sweeper: `stuck_dead`, `stuck_stalled`).
   * Returns null when the run already has a final status, so a run is failed, logged and alerted
   * once, and its one record keeps one final status.
   */
  async failRunning(runId: string, errorType: string, errorMessage: string): Promise<RunRecord | null> {
    const failed = await this.store.transaction(async (tx) => {
      const current = asRunRecord(await tx.get(RUNS_COLLECTION, runId));
      if (!current || current.status !== "running") return null;
      const at = this.clock.now();
      const record: RunRecord = {
        ...current,
        status: "failed",
        finished_at: at.toISOString(),
        duration_ms: Math.max(0, at.getTime() - Date.parse(current.started_at)),
        error_type: errorType,
        error_message: errorMessage.slice(0, 1000),
      };
      tx.set(RUNS_COLLECTION, runId, { ...record });
      return record;
    });
    if (failed) this.logger.error({ event: LOG_EVENTS.runFinished, ...failed }, `${failed.processor_name} ${failed.scope}: failed (${errorType})`);
    return failed;
  }
}

/** A stored run record, or null when the document is not one (read defensively: it crossed the store). */
function asRunRecord(doc: Record<string, unknown> | null): RunRecord | null {
  if (!doc || typeof doc.run_id !== "string" || typeof doc.status !== "string" || typeof doc.started_at !== "string" || typeof doc.processor_name !== "string") return null;
  return doc as unknown as RunRecord;
}
