import type { JsonObject } from "../../policy";
import { valueAt } from "../attributes";
import type { ReviewRule } from "../types";
import { bothSides, finding, show } from "./rule-helpers";

interface Protection {
  readonly path: string;
  /** Applies to every type when absent. */
  readonly types?: readonly string[];
  /** Whether the value (undefined = the provider default for `type`) protects the resource. */
  readonly protects: (value: unknown, type: string) => boolean;
  readonly consequence: string;
}

/** Types whose deletion_protection defaults to true in the google provider 6.x. */
const PROTECTED_BY_DEFAULT = new Set(["google_bigquery_table", "google_cloud_run_v2_service", "google_cloud_run_v2_job"]);

const PROTECTIONS: readonly Protection[] = [
  {
    path: "deletion_protection",
    protects: (v, type) => v === true || (v === undefined && PROTECTED_BY_DEFAULT.has(type)),
    consequence: "Terraform may now delete it",
  },
  {
    path: "delete_protection_state",
    types: ["google_firestore_database"],
    protects: (v) => v === "DELETE_PROTECTION_ENABLED",
    consequence: "the database and every document in it can now be deleted",
  },
  {
    path: "deletion_policy",
    types: ["google_firestore_database"],
    protects: (v) => v === undefined || v === "ABANDON",
    consequence: "terraform destroy now deletes the database instead of abandoning it",
  },
  {
    path: "force_destroy",
    types: ["google_storage_bucket"],
    protects: (v) => v !== true,
    consequence: "destroying the bucket now deletes every object in it",
  },
  {
    path: "delete_contents_on_destroy",
    types: ["google_bigquery_dataset"],
    protects: (v) => v !== true,
    consequence: "destroying the dataset now deletes every table in it",
  },
  {
    path: "lifecycle.prevent_destroy",
    protects: (v) => v === true,
    consequence: "Terraform no longer refuses to destroy it",
  },
];

function turnedOff(p: Protection, type: string, before: JsonObject, after: JsonObject): boolean {
  if (p.types && !p.types.includes(type)) return false;
  return p.protects(valueAt(before, p.path), type) && !p.protects(valueAt(after, p.path), type);
}

export const deletionProtectionDisabled: ReviewRule = {
  id: "deletion-protection-disabled",
  risk: "high",
  label: "deletion protection turned off",
  description:
    "Turning off deletion_protection (tables, Cloud Run), Firestore delete_protection_state or ABANDON, a bucket's force_destroy, a dataset's delete_contents_on_destroy or lifecycle.prevent_destroy removes the guard against an accidental destroy.",
  check(change) {
    const sides = bothSides(change);
    if (!sides) return [];
    return PROTECTIONS.filter((p) => turnedOff(p, change.type, sides.before, sides.after)).map((p) =>
      finding(this, change, `${p.path} changes from ${show(valueAt(sides.before, p.path) ?? "its protective default")} to ${show(valueAt(sides.after, p.path))}: ${p.consequence}`),
    );
  },
};
