import { catalog } from "../../catalog/catalog";
import { nbacSchedule } from "../../catalog/tables/nbac-schedule";
import { etDate } from "../../domain/et-date";
import type { SourceKind } from "../../domain/source-kind";
import type { EmptyReason, RunRecord } from "../../monitoring/run-record";
import type { Platform } from "../../platform/platform";
import type { Warehouse } from "../../platform/ports/warehouse";
import { arrayParam, inArray, sql, tableRef } from "../../platform/sql/fragment";
import { runProcessor } from "../base/run-processor";
import type { RunnablePrecomputeProcessor } from "./precompute-processor";

/** The ledger scope of a run: its date, or `first..last` for a range computed in one pass. */
export function precomputeScope(dates: readonly string[]): string {
  const first = dates[0];
  const last = dates[dates.length - 1];
  if (first === undefined || last === undefined) throw new Error("precompute: no analysis dates");
  return first === last ? first : `${first}..${last}`;
}

/**
 * Nothing computed: no games on any date, none final, or (games there) every window still lacks
 * games, which is the documented early-season skip rather than a gap. A missing upstream never
 * reaches here: the pipeline blocks phase 4 when phase 3 failed.
 */
async function emptyReasonForDates(warehouse: Warehouse, dates: readonly string[]): Promise<EmptyReason> {
  const rows = await warehouse.query(
    sql`SELECT COUNT(*) AS games, COUNTIF(game_status = 3) AS final_games FROM ${tableRef(nbacSchedule)} WHERE ${inArray(sql`game_date`, arrayParam("dates", dates, "DATE"))}`,
  );
  if (Number(rows[0]?.games ?? 0) === 0) return "no_games_scheduled";
  if (Number(rows[0]?.final_games ?? 0) === 0) return "source_not_final";
  return "insufficient_history";
}

/** Runs one phase-4 processor for a date or a whole range (one extract, one MERGE) through the shared lifecycle. */
export async function runPrecompute(platform: Platform, processor: RunnablePrecomputeProcessor, dates: readonly string[], sourceKind: SourceKind, correlationId?: string): Promise<RunRecord> {
  const spec = catalog.processors.find((p) => p.name === processor.name);
  if (!spec) throw new Error(`precompute processor ${processor.name} is not in the catalog`);
  const sorted = [...dates].sort();
  return runProcessor(platform, {
    spec,
    table: processor.table,
    scope: precomputeScope(sorted),
    gameDate: sorted[sorted.length - 1]!,
    sourceKind,
    correlationId,
    // One run may cover a range; its completions are published per date by the caller
    // (runtime/orchestration/precompute-completions.ts), not once per run here.
    publishCompletion: false,
    work: async () => {
      const now = platform.clock.now();
      const rows = await processor.produce(platform.warehouse, { dates: sorted, processedAt: now.toISOString(), today: etDate(now) });
      const emptyReason = rows.length === 0 ? await emptyReasonForDates(platform.warehouse, sorted) : undefined;
      return { rows, quarantined: [], emptyReason, metadata: { analysis_dates: sorted.length } };
    },
  });
}
