import { nullable, repeated, required, sourceKindColumn } from "../columns";
import { defineTable } from "../define-table";

export const validationRuns = defineTable({
  dataset: "nba_orchestration",
  name: "validation_runs",
  description: "One row per validation run: what was checked, the totals and the overall status.",
  columns: [
    required("run_id", "STRING", "Validation run id"),
    sourceKindColumn,
    required("run_timestamp", "TIMESTAMP", "When the run started (UTC); partitioned by its date"),
    required("processor_name", "STRING", "Processor whose output was validated"),
    nullable("processor_type", "STRING", "Layer of that processor: raw, analytics, precompute, predictions"),
    nullable("date_range_start", "DATE", "First ET date checked"),
    nullable("date_range_end", "DATE", "Last ET date checked"),
    nullable("season_year", "INT64", "Season start year of the dates checked"),
    repeated("layers_validated", "STRING", "Layers the run looked at (bigquery, gcs, schedule)"),
    required("total_checks", "INT64", "Checks run"),
    required("passed_checks", "INT64", "Checks that passed"),
    required("failed_checks", "INT64", "Checks that failed"),
    required("overall_status", "STRING", "fail (a failed error/critical) | warn (a failed warning) | pass"),
    nullable("execution_duration_seconds", "FLOAT64", "How long the run took, seconds"),
    nullable("triggered_by", "STRING", "scheduler | manual | pubsub | orchestrator"),
    nullable("notification_sent", "BOOL", "A notification was sent for the run"),
    repeated("notification_channels", "STRING", "Channels notified (email, slack, ...)"),
    nullable("remediation_available", "BOOL", "At least one failed check has remediation commands"),
    nullable("remediation_commands_count", "INT64", "Remediation commands produced across all checks"),
    nullable("validator_version", "STRING", "Version of the validator"),
    required("created_at", "TIMESTAMP", "When the row was written (UTC)"),
  ],
  // DOMAIN §5.1 gives no expiry for runs; kept as long as their results (730 days).
  partitioning: { kind: "time", field: "run_timestamp", requirePartitionFilter: true, expirationDays: 730 },
  clustering: ["processor_name", "overall_status"],
  key: ["run_id"],
  writeStrategy: "INSERT_NEW_ONLY",
  versionColumn: "created_at",
});
