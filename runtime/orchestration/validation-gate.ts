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
export const BLOCKING_SEVERITIES: readonly string[] = ["error", "critical"];
/** How far before the game date a check covering it may have run (partition filter lower bound). */
const LOOKBACK_DAYS = 1;

export interface LatestCheck {
  readonly processor_name: string;
  readonly check_name: string;
  readonly passed: boolean;
  readonly severity: string;
  readonly message: string | null;
  readonly validation_timestamp: string;
}

/** Processor names whose validation judges a phase's output (catalog processors, plus what transitions expect). */
export function phaseProcessorNames(phase: Phase, transitions: readonly TransitionSpec[] = []): string[] {
  const names = new Set(catalogProcessors.filter((p) => p.phase === phase).map((p) => p.name));
  for (const t of transitions) if (t.from === phase) for (const list of Object.values(t.expected)) for (const e of list) names.add(e.processor);
  return [...names].sort();
}

/**
 * For each check covering a date in a phase's output, its latest result (a check that was fixed
 * and re-run passes). Filters on the partition field, as BigQuery requires. `notBefore` leaves out
 * results older than that instant: they judged rows that have been written again since.
 */
export async function latestValidationChecks(warehouse: Warehouse, phase: Phase, processorNames: readonly string[], gameDate: string, notBefore?: string): Promise<LatestCheck[]> {
  const lookback = `${addDays(gameDate, -LOOKBACK_DAYS)}T00:00:00.000Z`;
  const since = notBefore !== undefined && Date.parse(notBefore) > Date.parse(lookback) ? new Date(Date.parse(notBefore)).toISOString() : lookback;
  const partitionField = validationResults.partitioning.kind === "time" ? validationResults.partitioning.field : "validation_timestamp";
  const layer = param("layer", LAYER[phase], "STRING");
  // An empty array parameter has no element type in DuckDB; with no names the layer alone selects.
  const scope = processorNames.length > 0 ? sql`(processor_type = ${layer} OR ${inArray(sql`processor_name`, arrayParam("processor_names", [...processorNames], "STRING"))})` : sql`processor_type = ${layer}`;
  const rows = await warehouse.query(sql`
    SELECT processor_name, check_name, passed, severity, message, validation_timestamp
    FROM ${tableRef(validationResults)}
    WHERE ${ident(partitionField)} >= ${param("since", since, "TIMESTAMP")}
      AND date_range_start <= ${param("game_date", gameDate, "DATE")}
      AND date_range_end >= ${param("game_date", gameDate, "DATE")}
      AND ${scope}
    QUALIFY ROW_NUMBER() OVER (PARTITION BY processor_name, check_name ORDER BY validation_timestamp DESC) = 1
    ORDER BY processor_name, check_name`);
  return rows.map((r) => ({
    processor_name: String(r.processor_name),
    check_name: String(r.check_name),
    passed: r.passed === true,
    severity: String(r.severity),
    message: typeof r.message === "string" ? r.message : null,
    validation_timestamp: String(r.validation_timestamp),
  }));
}

export function isBlocking(check: LatestCheck): boolean {
  return !check.passed && BLOCKING_SEVERITIES.includes(check.severity);
}

/**
 * The blocking validation results of a transition's input phase for a date; with `notBefore` (the
 * first completion of the set being judged) only results recorded since, so a failure of rows a
 * rerun has replaced does not hold the new rows back. A date never validated has none: it passes.
 */
export async function blockingValidationResults(warehouse: Warehouse, spec: TransitionSpec, gameDate: string, notBefore?: string): Promise<LatestCheck[]> {
  return (await latestValidationChecks(warehouse, spec.from, phaseProcessorNames(spec.from, [spec]), gameDate, notBefore)).filter(isBlocking);
}
