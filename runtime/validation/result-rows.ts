import type { SourceKind } from "../domain/source-kind";
import { tableId } from "../catalog/define-table";
import type { Row } from "../catalog/derive/row-type";
import type { DatasetName, TableSpec } from "../catalog/types";
import { catalog } from "../catalog/catalog";
import { seasonYearForDate } from "../domain/season";
import type { CheckKind } from "./check-spec";
import type { ValidationRun } from "./run-validation";

export const VALIDATOR_VERSION = "1.0.0";
const MAX_AFFECTED_ITEMS = 20;
const MAX_REMEDIATION_COMMANDS = 10;

const CHECK_TYPES: Readonly<Record<CheckKind | "error", string>> = {
  rows_per_group: "data_integrity",
  unique_key: "data_integrity",
  not_null_rate: "data_quality",
  value_bounds: "data_quality",
  allowed_values: "data_quality",
  distribution_drift: "data_quality",
  array_populated: "data_quality",
  completeness: "cross_source",
  cross_equality: "cross_source",
  freshness: "freshness",
  custom_sql: "custom",
  error: "error",
};

const PROCESSOR_TYPES: Readonly<Record<DatasetName, string>> = {
  nba_raw: "raw",
  nba_reference: "reference",
  nba_analytics: "analytics",
  nba_precompute: "precompute",
  nba_predictions: "predictions",
  nba_orchestration: "orchestration",
};

/** The processor whose output a table is; a table nothing writes yet is named by itself. */
function processorOf(table: string): string {
  return catalog.processors.find((p) => p.output === table)?.name ?? table;
}

/** One validation_runs row per table judged and one validation_results row per check (DOMAIN §5.1). */
export function validationRows(
  run: ValidationRun,
  context: { readonly now: Date; readonly triggeredBy: string; readonly tables: readonly TableSpec[]; readonly sourceKind: SourceKind },
): { runs: Row[]; results: Row[] } {
  const at = context.now.toISOString();
  const created = new Date().toISOString();
  const runs: Row[] = [];
  const results: Row[] = [];
  for (const table of run.tables) {
    const spec = context.tables.find((t) => tableId(t) === table.table);
    const runId = `${run.runId}/${table.table}`;
    const processorType = spec ? PROCESSOR_TYPES[spec.dataset] : null;
    const common = {
      processor_name: processorOf(table.table),
      processor_type: processorType,
      date_range_start: run.from,
      date_range_end: run.to,
      season_year: seasonYearForDate(run.to),
      // The data judged is of the data dir's one kind, so its results are too.
      source_kind: context.sourceKind,
    };
    const failed = table.checks.filter((c) => c.status === "fail" || c.status === "error");
    const remediations = table.checks.filter((c) => c.remediation !== null);
    runs.push({
      run_id: runId,
      run_timestamp: at,
      ...common,
      layers_validated: ["bigquery", "schedule"],
      total_checks: table.checks.length,
      passed_checks: table.checks.filter((c) => c.status === "pass" || c.status === "not_due").length,
      failed_checks: failed.length,
      overall_status: table.status,
      execution_duration_seconds: table.durationSeconds,
      triggered_by: context.triggeredBy,
      notification_sent: false,
      notification_channels: [],
      remediation_available: remediations.length > 0,
      remediation_commands_count: remediations.length,
      validator_version: VALIDATOR_VERSION,
      created_at: created,
    });
    for (const check of table.checks) {
      const passed = check.status === "pass" || check.status === "not_due";
      results.push({
        validation_run_id: runId,
        validation_timestamp: at,
        ...common,
        check_name: check.key,
        check_type: CHECK_TYPES[check.kind],
        validation_layer: "bigquery",
        passed,
        severity: passed ? "info" : check.severity,
        message: `${check.status}: ${check.message}${table.fallback ? ` (${table.fallback})` : ""}`,
        affected_count: check.status === "fail" ? (check.observed !== null && Number.isInteger(check.observed) ? check.observed : check.sample.length) : 0,
        affected_items: check.sample.slice(0, MAX_AFFECTED_ITEMS),
        query_used: table.queryText,
        execution_duration_seconds: table.durationSeconds,
        remediation_commands: check.remediation ? [check.remediation].slice(0, MAX_REMEDIATION_COMMANDS) : [],
        remediation_generated: check.remediation !== null,
        overall_status: table.status,
        validator_version: VALIDATOR_VERSION,
        created_at: created,
      });
    }
  }
  return { runs, results };
}
