import { tableId } from "../../catalog/define-table";
import type { ProcessorSpec, TableSpec } from "../../catalog/types";
import type { Heartbeat, ProgressReporter } from "../../monitoring/heartbeat";
import { startRunHeartbeat, terminalStatusOf } from "../../monitoring/run-heartbeat";
import type { FinalRunStatus, RunRecord } from "../../monitoring/run-record";
import { buildCompletionMessage } from "../../messages/completion-message";
import { COMPLETION_TOPIC } from "../../messages/phase-topics";
import type { Platform } from "../../platform/platform";
import type { JobLabels, MergeResult } from "../../platform/ports/warehouse";
import { ProcessorError } from "./processor-error";
import { describeQuarantined, type QuarantinedRecord } from "./quarantine";
import { duplicateKeys, invalidOutputRows } from "./row-checks";
import type { WorkOutput } from "./work-output";
import { errorMessage } from "../../domain/error-message";
import { TRANSIENT_ERROR_TYPE, isTransient } from "../../platform/ports/transient-error";
import type { SourceKind } from "../../domain/source-kind";
import { LOG_EVENTS } from "../../catalog/monitoring";
import { WarehouseError } from "../../platform/local/warehouse-error";

export interface ProcessorRunRequest {
  readonly spec: ProcessorSpec;
  readonly table: TableSpec;
  readonly scope: string;
  readonly gameDate: string;
  /** Provenance stamped on every row written and on the run record. */
  readonly sourceKind: SourceKind;
  readonly correlationId?: string;
  readonly parentProcessor?: string;
  readonly triggerMessageId?: string;
  /** The message that started the run; the stuck sweeper may republish it (a bounded number of times). */
  readonly trigger?: { readonly topic: string; readonly body: unknown };
  /** false: record the run but publish no completion message (DOMAIN §6.2: backfill runs publish nothing). */
  readonly publishCompletion?: boolean;
  /** The processor's own code; it may report progress, which the heartbeat carries (stall detection). */
  readonly work: (progress: ProgressReporter) => Promise<WorkOutput>;
}

export const QUARANTINE_COLLECTION = "quarantine";
/** At most this many quarantined records are stored per run; the run record keeps the full count. */
const QUARANTINE_SAMPLE = 100;
const QUARANTINE_RETENTION_DAYS = 30;

/**
 * The one processor lifecycle every phase uses: run ledger, output checks against the catalog,
 * quarantine, write by the table's strategy, accounting checks, completion message, alert.
 * A processor supplies only `work` (extract + pure transform). The run beats from its ledger
 * start to its end, and every way out (result, exception) writes the heartbeat's terminal state.
 */
export async function runProcessor(platform: Platform, request: ProcessorRunRequest): Promise<RunRecord> {
  const { spec } = request;
  const run = await platform.ledger.start({
    processorName: spec.name,
    phase: spec.phase,
    scope: request.scope,
    gameDate: request.gameDate,
    correlationId: request.correlationId,
    triggerSource: request.triggerMessageId ? "pubsub" : "manual",
    sourceKind: request.sourceKind,
  });
  const heartbeat = startRunHeartbeat(platform, run, { stallLimitSeconds: spec.stallLimitSeconds, trigger: request.trigger });
  let finished: RunRecord | null = null;
  try {
    finished = await lifecycle(platform, request, run, heartbeat);
    return finished;
  } finally {
    await heartbeat.end(finished ? terminalStatusOf(finished.status) : "failed", finished ? finished.error_type : "EXCEPTION");
  }
}

async function lifecycle(platform: Platform, request: ProcessorRunRequest, run: RunRecord, heartbeat: Heartbeat): Promise<RunRecord> {
  const { table } = request;
  let output: WorkOutput | null = null;
  let written: MergeResult = { inserted: 0, updated: 0 };
  let quarantinedCount = 0;
  try {
    heartbeat.report("work");
    const produced = await request.work(heartbeat);
    output = { ...produced, rows: produced.rows.map((row) => ({ ...row, source_kind: request.sourceKind })) };
    heartbeat.report("checks", output.rows.length, output.rows.length);
    const quarantined: QuarantinedRecord[] = [...output.quarantined, ...invalidOutputRows(table, output.rows)];
    quarantinedCount = quarantined.length;
    if (quarantined.length > 0) {
      await storeQuarantine(platform, run, quarantined);
      throw new ProcessorError(
        "QUARANTINED",
        `${describeQuarantined(quarantined[0]!)}${quarantined.length > 1 ? ` (+${quarantined.length - 1} more quarantined records)` : ""}; nothing was written`,
      );
    }
    const dupes = duplicateKeys(table, output.rows);
    if (dupes.length > 0) throw new ProcessorError("DUPLICATE_KEY", `${dupes.length} duplicate key(s) in the rows for ${tableId(table)}, first: ${dupes[0]}; nothing was written`);
    const filtered = output.rowsFiltered ?? 0;
    if (output.recordsReceived !== undefined && output.recordsReceived !== output.rows.length + filtered) {
      throw new ProcessorError(
        "RECORD_COUNT_MISMATCH",
        `upstream reported ${output.recordsReceived} records but ${output.rows.length} rows were produced and ${filtered} filtered; nothing was written`,
      );
    }
    if (output.rows.length === 0) {
      const reason = output.emptyReason ?? "real_gap";
      if (reason === "real_gap") throw new ProcessorError("REAL_GAP", `no rows for ${request.scope} although the schedule has final games there`);
      return await finish(platform, request, run, "no_data", output, written, 0, null);
    }
    heartbeat.report("write", 0, output.rows.length);
    written = await write(platform, table, output, { processor: request.spec.name, run: run.run_id });
    heartbeat.report("publish", output.rows.length, output.rows.length);
    const total = written.inserted + written.updated;
    if (total !== output.rows.length) {
      throw new ProcessorError("WRITE_COUNT_MISMATCH", `${tableId(table)} reported ${total} rows written for ${output.rows.length} rows sent`);
    }
    const partial = output.expectedRows !== undefined && output.rows.length < output.expectedRows;
    return await finish(platform, request, run, partial ? "partial" : "success", output, written, 0, null);
  } catch (err) {
    if (err instanceof WarehouseError && err.code === "WRITE_POSTPONED") {
      // Nothing was written; the handler asks for redelivery (see redelivery.ts) instead of writing twice.
      platform.logger.warn(
        { event: LOG_EVENTS.writePostponed, reason: "streaming_buffer", table: tableId(table), processor_name: request.spec.name, run_id: run.run_id, scope: request.scope },
        `${tableId(table)}: write postponed, rows still in the streaming buffer`,
      );
    }
    return finish(platform, request, run, "failed", output, written, quarantinedCount, err);
  }
}

async function write(platform: Platform, table: TableSpec, output: WorkOutput, labels: JobLabels): Promise<MergeResult> {
  switch (table.writeStrategy) {
    case "MERGE_UPDATE":
      return platform.warehouse.merge(table, output.rows, labels);
    case "APPEND_ALWAYS":
      return { inserted: await platform.warehouse.append(table, output.rows, labels), updated: 0 };
    default:
      throw new ProcessorError("UNSUPPORTED_STRATEGY", `${table.writeStrategy} writes are not implemented yet for ${tableId(table)}`);
  }
}

async function storeQuarantine(platform: Platform, run: RunRecord, records: readonly QuarantinedRecord[]): Promise<void> {
  // A Date, so Firestore stores a Timestamp and its TTL policy deletes the record.
  const expireAt = new Date(platform.clock.now().getTime() + QUARANTINE_RETENTION_DAYS * 86_400_000);
  await platform.docStore.transaction(async (tx) => {
    records.slice(0, QUARANTINE_SAMPLE).forEach((q, i) => {
      tx.set(QUARANTINE_COLLECTION, `${run.run_id}-${i}`, {
        run_id: run.run_id,
        processor_name: run.processor_name,
        scope: run.scope,
        source: q.source,
        record: q.record,
        field: q.field,
        value: JSON.stringify(q.value) ?? null,
        reason: q.reason,
        quarantined_at: platform.clock.now().toISOString(),
        expire_at: expireAt,
      });
    });
    return Promise.resolve();
  });
}

async function finish(
  platform: Platform,
  request: ProcessorRunRequest,
  run: RunRecord,
  status: FinalRunStatus,
  output: WorkOutput | null,
  written: MergeResult,
  quarantinedCount: number,
  error: unknown,
): Promise<RunRecord> {
  const failure = error === null ? null : errorMessage(error);
  const errorType =
    error === null
      ? null
      : error instanceof ProcessorError || error instanceof WarehouseError
        ? error.code
        : isTransient(error)
          ? TRANSIENT_ERROR_TYPE
          : error instanceof Error
            ? error.name
            : "Error";
  // Retried by redelivery without an alert; if every attempt fails, the dead letter alerts. A
  // postponed write (streaming buffer) is retried too, but an operator is told at once.
  const transient = errorType === TRANSIENT_ERROR_TYPE;
  const rowsWritten = written.inserted + written.updated;
  let finalStatus = status;
  let finalError = failure;
  let finalType = errorType;
  try {
    const message = buildCompletionMessage({
      processor_name: request.spec.name,
      phase: request.spec.phase,
      execution_id: run.run_id,
      correlation_id: run.correlation_id,
      game_date: request.gameDate,
      status,
      timestamp: platform.clock.now().toISOString(),
      output_table: request.table.name,
      output_dataset: request.table.dataset,
      record_count: rowsWritten,
      records_failed: quarantinedCount,
      parent_processor: request.parentProcessor,
      trigger_source: request.triggerMessageId ? "pubsub" : "manual",
      trigger_message_id: request.triggerMessageId,
      error_message: failure?.slice(0, 1000),
      error_type: errorType,
      metadata: { rows_updated: written.updated, processing_strategy: request.table.writeStrategy, scope: request.scope, source_kind: request.sourceKind, ...(output?.metadata ?? {}) },
    });
    if (request.publishCompletion !== false) await platform.bus.publish(COMPLETION_TOPIC[request.spec.phase], message);
  } catch (publishError) {
    // The rows are written, but without the message the next phase never hears of them: a failure.
    platform.logger.error({ err: publishError, processor: request.spec.name }, "completion message could not be published");
    finalStatus = "failed";
    finalType = "PUBLISH_FAILED";
    finalError = `completion message not published: ${errorMessage(publishError)}`;
  }
  const finished = await platform.ledger.finish(run, {
    status: finalStatus,
    recordsReceived: output?.recordsReceived ?? null,
    rowsWritten,
    rowsInserted: written.inserted,
    rowsUpdated: written.updated,
    rowsQuarantined: quarantinedCount,
    rowsFiltered: output?.rowsFiltered ?? 0,
    emptyReason: output && output.rows.length === 0 ? (output.emptyReason ?? null) : null,
    errorType: finalType,
    errorMessage: finalError,
  });
  // A transient failure is retried by redelivery; if every attempt fails, the dead letter alerts.
  if (finished.status === "failed" && !transient) {
    await platform.notifier.notify({
      severity: "error",
      title: `${request.spec.name} failed for ${request.scope}`,
      message: finished.error_message ?? "unknown error",
      context: { processor: request.spec.name, scope: request.scope, run_id: run.run_id, error_type: finished.error_type },
      source: request.spec.name,
      category: "run_failed",
      scope: request.scope,
    });
  }
  return finished;
}
