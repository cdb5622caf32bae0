import { processors as catalogProcessors } from "../catalog/processors";
import { validationResults } from "../catalog/tables/validation-results";
import type { Phase, TransitionSpec } from "../catalog/types";
import { addDays } from "../domain/et-date";
import { arrayParam, ident, inArray, param, sql, tableRef } from "../platform/sql/fragment";
import type { Warehouse } from "../platform/ports/warehouse";

/** The `processor_type` validators record for each phase's output. */
const LAYER: Readonly<Record<Phase, string>> = {
  phase_1_scrapers: "scrapers",
  phase_2_raw: "raw",
  phase_3_analytics: "analytics",
  phase_4_precompute: "precompute",
  phase_5_predictions: "predictions",
};

/** Failures of these severities block a transition (DOMAIN §5.1: error and critical). */
export const BLOCKING_SEVERITIES = ["error", "critical"] as const;
/** How far before the game date a check covering it may have run (partition filter lower bound). */
const LOOKBACK_DAYS = 1;

export interface BlockingResult {
  readonly processor_name: string;
  readonly check_name: string;
  readonly severity: string;
  readonly message: string | null;
  readonly validation_timestamp: string;
}

/** Processor names whose validation judges a transition's input phase. */
function processorNames(spec: TransitionSpec): string[] {
  const names = new Set(catalogProcessors.filter((p) => p.phase === spec.from).map((p) => p.name));
  for (const list of Object.values(spec.expected)) for (const e of list) names.add(e.processor);
  return [...names].sort();
}

/**
 * The blocking validation results of a date and phase: for each check covering the date, its
 * latest result, kept when it failed with a blocking severity. A check fixed and re-run passes.
 */
export async function blockingValidationResults(warehouse: Warehouse, spec: TransitionSpec, gameDate: string): Promise<BlockingResult[]> {
  const since = `${addDays(gameDate, -LOOKBACK_DAYS)}T00:00:00.000Z`;
  const field = ident(validationResults.partitioning.kind === "time" ? validationResults.partitioning.field : "validation_timestamp");
  const rows = await warehouse.query(sql`
    WITH covering AS (
      SELECT processor_name, check_name, severity, passed, message, validation_timestamp
      FROM ${tableRef(validationResults)}
      WHERE ${field} >= ${param("since", since, "TIMESTAMP")}
        AND date_range_start <= ${param("game_date", gameDate, "DATE")}
        AND date_range_end >= ${param("game_date", gameDate, "DATE")}
        AND (processor_type = ${param("layer", LAYER[spec.from], "STRING")} OR ${inArray(sql`processor_name`, arrayParam("processor_names", processorNames(spec), "STRING"))})
      QUALIFY ROW_NUMBER() OVER (PARTITION BY processor_name, check_name ORDER BY validation_timestamp DESC) = 1
    )
    SELECT processor_name, check_name, severity, message, validation_timestamp
    FROM covering
    WHERE NOT passed AND ${inArray(sql`severity`, arrayParam("blocking", [...BLOCKING_SEVERITIES], "STRING"))}
    ORDER BY processor_name, check_name`);
  return rows.map((r) => ({
    processor_name: String(r.processor_name),
    check_name: String(r.check_name),
    severity: String(r.severity),
    message: typeof r.message === "string" ? r.message : null,
    validation_timestamp: String(r.validation_timestamp),
  }));
}
