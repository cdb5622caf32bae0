import { blockAt, resourcesOfType, resultOf, stringAt } from "../stack";
import type { Finding, Rule } from "../types";

export const tablePartitioned: Rule = {
  id: "bigquery-table-partitioned",
  severity: "error",
  description: "Every BigQuery table is partitioned and requires a partition filter, unless a suppression records why not.",
  explanation: "An unpartitioned table, or one queried without a partition filter, is scanned whole by every query: cost and latency grow with history.",
  check(stack) {
    const tables = resourcesOfType(stack, "google_bigquery_table").filter((t) => !blockAt(t.body, "view") && !blockAt(t.body, "materialized_view"));
    const findings: Finding[] = [];
    for (const table of tables) {
      const time = blockAt(table.body, "time_partitioning");
      const range = blockAt(table.body, "range_partitioning");
      if (!time && !range) {
        findings.push({ resource: table.address, message: "is not partitioned" });
        continue;
      }
      if (time && !stringAt(time, "type")) findings.push({ resource: table.address, message: "time_partitioning has no type" });
      const required = table.body.require_partition_filter === true || (time !== undefined && time.require_partition_filter === true);
      if (!required) findings.push({ resource: table.address, message: "does not set require_partition_filter" });
    }
    return resultOf(findings, tables.length > 0);
  },
};
