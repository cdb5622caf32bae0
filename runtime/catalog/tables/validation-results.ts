import { nullable, required, sourceKindColumn } from "../columns";
import { defineTable } from "../define-table";

export const validationResults = defineTable({
  dataset: "nba_orchestration",
  name: "validation_results",
  description: "One row per validation check per run: outcome, severity, sample of failing items and remediation.",
  columns: [
    required("validation_run_id", "STRING", "Run the check belongs to (validation_runs.run_id)"),
    sourceKindColumn,
    required("validation_timestamp", "TIMESTAMP", "When the check ran (UTC); partitioned by its date"),
    required("processor_name", "STRING", "Processor whose output was validated"),
    nullable("processor_type", "STRING", "Layer of that processor: raw, analytics, precompute, predictions"),
    nullable("date_range_start", "DATE", "First ET date checked"),
    nullable("date_range_end", "DATE", "Last ET date checked"),
    nullable("season_year", "INT64", "Season start year of the dates checked"),
    required("check_name", "STRING", "Check name (teams_per_game, data_freshness, ...)"),
    required("check_type", "STRING", "data_integrity | data_quality | cross_source | freshness | error"),
    nullable("validation_layer", "STRING", "Where the check looked: bigquery, gcs, schedule"),
    required("passed", "BOOL", "No violation found"),
    required("severity", "STRING", "info | warning | error | critical (info when passed)"),
    nullable("message", "STRING", "What was found, in words"),
    nullable("affected_count", "INT64", "Number of violating rows or items"),
    nullable("affected_items", "JSON", "Sample of violating items (at most 20)"),
    nullable("query_used", "STRING", "The query that ran the check"),
    nullable("execution_duration_seconds", "FLOAT64", "How long the check took, seconds"),
    nullable("remediation_commands", "JSON", "Commands that repair the violation (at most 10)"),
    nullable("remediation_generated", "BOOL", "Remediation commands were produced"),
    nullable("overall_status", "STRING", "The run's overall status: pass | warn | fail"),
    nullable("validator_version", "STRING", "Version of the validator that ran the check"),
    required("created_at", "TIMESTAMP", "When the row was written (UTC)"),
  ],
  partitioning: { kind: "time", field: "validation_timestamp", requirePartitionFilter: true, expirationDays: 730 },
  clustering: ["processor_name", "check_type", "passed", "severity"],
  key: ["validation_run_id", "check_name"],
  // Results are immutable facts of a run; a retried write must not duplicate them.
  writeStrategy: "INSERT_NEW_ONLY",
  versionColumn: "created_at",
});
