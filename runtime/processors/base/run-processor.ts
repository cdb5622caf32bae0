import { quarantineToleranceOf, tableId, writeStrategyOf } from "../../catalog/define-table";
import type { ProcessorSpec, TableSpec } from "../../catalog/types";
import type { Heartbeat, ProgressReporter } from "../../monitoring/heartbeat";
import { startRunHeartbeat, terminalStatusOf } from "../../monitoring/run-heartbeat";
import type { EmptyReason, FinalRunStatus, RunRecord } from "../../monitoring/run-record";
import { zeroRowCategoryOf } from "../../monitoring/zero-row-category";
import type { Platform } from "../../platform/platform";
import { ProcessorError } from "./processor-error";
import { describeQuarantined, type QuarantinedRecord } from "./quarantine";
import { storeQuarantine } from "./quarantine-store";
import { duplicateKeys, invalidOutputRows } from "./row-checks";
import type { WorkOutput } from "./work-output";
import type { SourceKind } from "../../domain/source-kind";
import { LOG_EVENTS } from "../../catalog/monitoring";
import { WarehouseError } from "../../platform/local/warehouse-error";
import { writeRows, type WriteResult } from "./write-rows";
import { completeRun, type RunConclusion } from "./complete-run";

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
  /** The stored payload the run reads, named on its quarantine records. */
  readonly objectPath?: string;
  /** false: record the run but publish no completion message (DOMAIN §6.2: backfill runs publish nothing). */
  readonly publishCompletion?: boolean;
  /** The processor's own code; it may report progress, which the heartbeat carries (stall detection). */
  readonly work: (progress: ProgressReporter) => Promise<WorkOutput>;
}

const NOTHING_WRITTEN: WriteResult = { inserted: 0, updated: 0, skipped: 0 };

/**
 * The one processor lifecycle every phase uses: run ledger, idempotency by input hash, output
 * checks against the catalog, quarantine within the table's tolerance, write by the table's
 * strategy, accounting checks, exactly one completion message, alert. A processor supplies only
 * `work` (extract + pure transform). The run beats from its ledger start to its end, and every way
 * out (result, exception) writes the heartbeat's terminal state.
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
    // The lifecycle never throws: whatever happened is one conclusion, completed exactly once.
    const conclusion = await lifecycle(platform, request, run, heartbeat);
    finished = await completeRun(platform, run, completionOf(request, conclusion), { ...conclusion, publish: request.publishCompletion });
    return finished;
  } finally {
    await heartbeat.end(finished ? terminalStatusOf(finished.status) : "failed", finished ? finished.error_type : "EXCEPTION");
  }
}

function completionOf(request: ProcessorRunRequest, conclusion: RunConclusion): Record<string, unknown> {
  const { outcome } = conclusion;
  return {
    processor_name: request.spec.name,
    phase: request.spec.phase,
    game_date: request.gameDate,
    output_table: request.table.name,
    output_dataset: request.table.dataset,
    records_failed: outcome.rowsQuarantined ?? 0,
    parent_processor: request.parentProcessor,
    trigger_source: request.triggerMessageId ? "pubsub" : "manual",
    trigger_message_id: request.triggerMessageId,
    metadata: {
      rows_updated: outcome.rowsUpdated ?? 0,
      processing_strategy: writeStrategyOf(request.table),
      scope: request.scope,
      source_kind: request.sourceKind,
      rows_read: outcome.rowsRead ?? null,
      rows_skipped: outcome.rowsSkipped ?? 0,
      zero_row_category: zeroRowCategoryOf(outcome),
      missing_games: outcome.missingGames ?? [],
      ...(outcome.duplicateOf ? { duplicate_of: outcome.duplicateOf } : {}),
      ...(outcome.inputHash ? { input_hash: outcome.inputHash } : {}),
      ...conclusion.metadata,
    },
  };
}

async function lifecycle(platform: Platform, request: ProcessorRunRequest, run: RunRecord, heartbeat: Heartbeat): Promise<RunConclusion> {
  const { table } = request;
  let output: WorkOutput | null = null;
  let written = NOTHING_WRITTEN;
  let quarantinedCount = 0;
  let rowsRead: number | null = null;
  let emptyReason: EmptyReason | null = null;
  const conclude = (status: FinalRunStatus, error: unknown, extra: Partial<RunConclusion["outcome"]> = {}): RunConclusion => ({
    outcome: {
      status,
      recordsReceived: output?.recordsReceived ?? null,
      rowsRead,
      rowsWritten: written.inserted + written.updated,
      rowsInserted: written.inserted,
      rowsUpdated: written.updated,
      rowsSkipped: written.skipped,
      rowsQuarantined: quarantinedCount,
      rowsFiltered: output?.rowsFiltered ?? 0,
      emptyReason,
      missingGames: output?.missingGames ?? [],
      inputHash: output?.inputHash ?? null,
      ...extra,
    },
    error,
    metadata: output?.metadata ?? {},
  });
  try {
    heartbeat.report("work");
    const produced = await request.work(heartbeat);
    output = { ...produced, rows: produced.rows.map((row) => ({ ...row, source_kind: request.sourceKind })) };
    const filtered = output.rowsFiltered ?? 0;
    rowsRead = output.rows.length + output.quarantined.length + filtered;
    if (output.inputHash) {
      const earlier = await platform.ledger.loadedInput(request.spec.name, request.scope, output.inputHash);
      // The very same input was loaded already: writing it again would change nothing.
      if (earlier) return conclude("success", null, { duplicateOf: earlier.run_id, missingGames: earlier.missing_games ?? [] });
    }
    heartbeat.report("checks", output.rows.length, output.rows.length);
    const invalid = invalidOutputRows(table, output.rows);
    const quarantined: QuarantinedRecord[] = [...output.quarantined, ...invalid];
    quarantinedCount = quarantined.length;
    let rows = output.rows;
    let affectedKeys: string[] = [];
    if (quarantined.length > 0) {
      const tolerance = quarantineToleranceOf(table);
      const share = quarantined.length / Math.max(rowsRead, 1);
      const bad = new Set(invalid.map((q) => q.index));
      const good = output.rows.filter((_, i) => !bad.has(i));
      const within = share <= tolerance && good.length > 0;
      await storeQuarantine(platform, run, quarantined, { objectPath: request.objectPath ?? null, rowsLoaded: within });
      if (!within) {
        throw new ProcessorError(
          "QUARANTINED",
          `${describeQuarantined(quarantined[0]!)}${quarantined.length > 1 ? ` (+${quarantined.length - 1} more quarantined records)` : ""}; ` +
            `${quarantined.length} of ${rowsRead} records is more than ${tableId(table)} tolerates (${tolerance}); nothing was written`,
        );
      }
      rows = good;
      affectedKeys = quarantined.map((q) => q.key ?? q.record);
    }
    const dupes = duplicateKeys(table, rows);
    if (dupes.length > 0) throw new ProcessorError("DUPLICATE_KEY", `${dupes.length} duplicate key(s) in the rows for ${tableId(table)}, first: ${dupes[0]}; nothing was written`);
    if (output.recordsReceived !== undefined && output.recordsReceived !== output.rows.length + filtered + output.quarantined.length) {
      throw new ProcessorError(
        "RECORD_COUNT_MISMATCH",
        `upstream reported ${output.recordsReceived} records but ${output.rows.length} rows were produced, ${filtered} filtered and ${output.quarantined.length} quarantined; nothing was written`,
      );
    }
    // Rows the processor found identical to what is stored (9a's declared-input base) are not sent again.
    const unchanged = output.rowsUnchanged ?? 0;
    if (rows.length === 0 && unchanged === 0) {
      if (filtered > 0 && output.emptyReason === undefined) return conclude("no_data", null);
      emptyReason = output.emptyReason ?? "real_gap";
      if (emptyReason === "real_gap") throw new ProcessorError("REAL_GAP", `no rows for ${request.scope} although the schedule has final games there`);
      return conclude("no_data", null);
    }
    if (rows.length > 0) {
      heartbeat.report("write", 0, rows.length);
      written = await writeRows(platform.warehouse, table, rows, { processor: request.spec.name, run: run.run_id });
      heartbeat.report("publish", rows.length, rows.length);
      const accounted = written.inserted + written.updated + written.skipped;
      if (accounted !== rows.length) {
        throw new ProcessorError("WRITE_COUNT_MISMATCH", `${tableId(table)} reported ${accounted} rows written or already there for ${rows.length} rows sent`);
      }
    }
    const missing = output.missingGames ?? [];
    const short = output.expectedRows !== undefined && rows.length + unchanged < output.expectedRows;
    const partial = short || missing.length > 0 || quarantined.length > 0 || output.incompleteReason !== undefined;
    return conclude(partial ? "partial" : "success", null, { affectedKeys, ...(output.incompleteReason !== undefined ? { errorMessage: output.incompleteReason } : {}) });
  } catch (err) {
    if (err instanceof WarehouseError && err.code === "WRITE_POSTPONED") {
      // Nothing was written; the handler asks for redelivery (see redelivery.ts) instead of writing twice.
      platform.logger.warn(
        { event: LOG_EVENTS.writePostponed, reason: "streaming_buffer", table: tableId(table), processor_name: request.spec.name, run_id: run.run_id, scope: request.scope },
        `${tableId(table)}: write postponed, rows still in the streaming buffer`,
      );
    }
    return conclude("failed", err);
  }
}
