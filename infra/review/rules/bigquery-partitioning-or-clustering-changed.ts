import { isObject } from "../../policy";
import { deepEqual } from "../attributes";
import type { ReviewRule } from "../types";
import { bothSides, finding, show } from "./rule-helpers";

function describePartitioning(time: unknown, range: unknown): string {
  if (isObject(time)) return `${show(time.type ?? "DAY")} on ${show(time.field ?? "_PARTITIONTIME (ingestion time)")}`;
  if (isObject(range)) return `integer ranges on ${show(range.field)}`;
  return "none";
}

// The partition expiration is not layout: bigquery-partition-expiration-shortened judges it.
const layoutOf = (partitioning: unknown): unknown => (isObject(partitioning) ? { type: partitioning.type, field: partitioning.field } : undefined);

export const bigqueryPartitioningOrClusteringChanged: ReviewRule = {
  id: "bigquery-partitioning-or-clustering-changed",
  risk: "high",
  label: "table partitioning or clustering changed",
  description:
    "A new partition field makes the provider replace the table (its data is deleted); new clustering is applied in place but only to newly written data, so queries and costs change.",
  check(change) {
    const sides = change.type === "google_bigquery_table" ? bothSides(change) : undefined;
    if (!sides) return [];
    const { before, after } = sides;
    const findings = [];
    const partitioningChanged =
      !deepEqual(layoutOf(before.time_partitioning), layoutOf(after.time_partitioning)) || !deepEqual(before.range_partitioning, after.range_partitioning);
    if (partitioningChanged) {
      const consequence = change.action === "replace" ? "the table is replaced and its data deleted" : "BigQuery cannot repartition a table in place";
      const from = describePartitioning(before.time_partitioning, before.range_partitioning);
      const to = describePartitioning(after.time_partitioning, after.range_partitioning);
      findings.push(finding(this, change, `partitioning changes from ${from} to ${to}: ${consequence}`));
    }
    if (!deepEqual(before.clustering, after.clustering)) {
      findings.push(
        finding(this, change, `clustering changes from ${show(before.clustering ?? [])} to ${show(after.clustering ?? [])}: only data written from now on is clustered the new way`),
      );
    }
    return findings;
  },
};
