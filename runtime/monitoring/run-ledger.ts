import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { LOG_EVENTS } from "../catalog/monitoring";
import type { Phase } from "../catalog/types";
import type { SourceKind } from "../domain/source-kind";
import type { Clock } from "../platform/ports/clock";
import type { DocStore } from "../platform/ports/doc-store";
import type { Logger } from "./logger";
import type { EmptyReason, FinalRunStatus, RunRecord } from "./run-record";

export const RUNS_COLLECTION = "processor_runs";
/** Run records are kept for 90 days, then the store's TTL removes them. */
const RUN_RETENTION_DAYS = 90;

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
      error_type: null,
      error_message: null,
      expire_at: expire.toISOString(),
    };
    await this.store.set(RUNS_COLLECTION, runId, withTtl(record));
    return record;
  }

  /** Runs still saying `running`, newest first. */
  async running(): Promise<RunRecord[]> {
    const docs = await this.store.query(RUNS_COLLECTION, [{ field: "status", op: "==", value: "running" }]);
    return docs.map((d) => d.data as unknown as RunRecord).sort((a, b) => b.started_at.localeCompare(a.started_at));
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
      closed.push(await this.finish(run, { status: "failed", rowsWritten: run.rows_written, errorType: code, errorMessage: why(run) }));
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
      error_type: outcome.errorType ?? null,
      error_message: outcome.errorMessage ? outcome.errorMessage.slice(0, 1000) : null,
    };
    await this.store.set(RUNS_COLLECTION, run.run_id, withTtl(finished));
    const log = finished.status === "failed" ? this.logger.error.bind(this.logger) : this.logger.info.bind(this.logger);
    log({ event: LOG_EVENTS.runFinished, ...finished }, `${finished.processor_name} ${finished.scope}: ${finished.status}`);
    return finished;
  }
}
