import type { ReviewRule } from "../types";
import { becauseOf, finding, resourceName } from "./rule-helpers";

export const bigqueryDataDeleted: ReviewRule = {
  id: "bigquery-data-deleted",
  risk: "high",
  label: "BigQuery data deleted",
  description: "Destroying or replacing a BigQuery dataset or table deletes its data; a season of rows cannot be re-created by apply.",
  check(change) {
    if (change.action !== "destroy" && change.action !== "replace") return [];
    if (change.type === "google_bigquery_table") {
      const table = resourceName(change, "table_id");
      return change.action === "destroy"
        ? [finding(this, change, `table ${table} is destroyed with all its data`)]
        : [finding(this, change, `table ${table} is replaced${becauseOf(change)}: the table and its data are deleted and an empty table is created`)];
    }
    if (change.type === "google_bigquery_dataset") {
      const dataset = resourceName(change, "dataset_id");
      return change.action === "destroy"
        ? [finding(this, change, `dataset ${dataset} is destroyed, and every table in it with its data`)]
        : [finding(this, change, `dataset ${dataset} is replaced${becauseOf(change)}: its tables and their data are deleted`)];
    }
    return [];
  },
};
