import type { JsonObject } from "../policy";
import { deepEqual, valueAt } from "./attributes";
import { compareSchemas, parseSchema, schemaChangeForcesReplacement } from "./bigquery-schema";

/**
 * Attributes whose change makes the google provider (6.x) destroy and re-create the resource
 * (`ForceNew` in its schema), for comparing synthesized outputs without a plan. Read from the
 * provider source (google/services/*), not guessed; a type that is not listed here is reported
 * as an update, so attach a `terraform show -json` plan when the exact action matters.
 * Notably `google_bigquery_table.clustering` and `time_partitioning.expiration_ms` are updated in
 * place; `time_partitioning.field` is not.
 */
export const REPLACEMENT_TRIGGERS: Readonly<Record<string, readonly string[]>> = {
  google_bigquery_dataset: ["dataset_id", "project", "location"],
  google_bigquery_table: ["dataset_id", "table_id", "project", "time_partitioning.field", "range_partitioning.field", "encryption_configuration"],
  google_pubsub_topic: ["name", "project"],
  google_pubsub_subscription: ["name", "topic", "project", "filter", "enable_message_ordering"],
  google_cloud_scheduler_job: ["name", "region", "project"],
};

/** `google_*_iam_member` has no update: any change to the grant re-creates it. */
const isIamMember = (type: string): boolean => type.endsWith("_iam_member");
/** `google_*_iam_binding` updates its members in place; the role and condition are fixed. */
const IAM_BINDING_TRIGGERS = ["role", "condition"];

function triggersFor(type: string): readonly string[] {
  if (type.endsWith("_iam_binding")) return IAM_BINDING_TRIGGERS;
  return REPLACEMENT_TRIGGERS[type] ?? [];
}

/** The attributes of an update that force replacing the resource (empty: updated in place). */
export function replacementCauses(type: string, before: JsonObject, after: JsonObject): string[] {
  if (isIamMember(type)) return deepEqual(before, after) ? [] : ["the grant (IAM members cannot be updated)"];
  const causes = triggersFor(type).filter((path) => !deepEqual(valueAt(before, path), valueAt(after, path)));
  if (type === "google_bigquery_table" && !deepEqual(before.schema, after.schema)) {
    const from = parseSchema(before.schema);
    const to = parseSchema(after.schema);
    if (from && to && schemaChangeForcesReplacement(compareSchemas(from, to))) causes.push("schema");
  }
  return causes;
}
