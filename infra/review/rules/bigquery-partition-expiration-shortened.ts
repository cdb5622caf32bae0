import type { ReviewRule } from "../types";
import { bothSides, describeSeconds, finding } from "./rule-helpers";
import { valueAt } from "../attributes";

const expirationMs = (value: unknown): number | undefined => (typeof value === "number" && value > 0 ? value : undefined);
const describeMs = (ms: number | undefined): string => (ms === undefined ? "never" : `after ${describeSeconds(Math.round(ms / 1000))}`);

export const bigqueryPartitionExpirationShortened: ReviewRule = {
  id: "bigquery-partition-expiration-shortened",
  risk: "high",
  label: "partition expiration shortened",
  description: "A shorter time_partitioning.expiration_ms makes BigQuery delete every partition older than the new limit as soon as it applies.",
  check(change) {
    const sides = change.type === "google_bigquery_table" ? bothSides(change) : undefined;
    if (!sides) return [];
    const before = expirationMs(valueAt(sides.before, "time_partitioning.expiration_ms"));
    const after = expirationMs(valueAt(sides.after, "time_partitioning.expiration_ms"));
    if (after === undefined || (before !== undefined && after >= before)) return [];
    return [finding(this, change, `partitions expire ${describeMs(after)} instead of ${describeMs(before)}: older partitions are deleted`)];
  },
};
