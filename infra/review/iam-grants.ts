import { blocksAt, isObject, type JsonObject } from "../policy";

/** One role given to one member, however the resource spells it. */
export interface Grant {
  readonly role: string;
  readonly member: string;
}

// google_bigquery_dataset `access` blocks and google_bigquery_dataset_access name the member by kind.
const ACCESS_MEMBER_KEYS = ["user_by_email", "group_by_email", "domain", "special_group", "iam_member"] as const;

function accessGrants(entries: readonly JsonObject[]): Grant[] {
  return entries.flatMap((entry) => {
    const role = entry.role;
    if (typeof role !== "string") return [];
    return ACCESS_MEMBER_KEYS.flatMap((key) => {
      const member = entry[key];
      return typeof member === "string" ? [{ role, member }] : [];
    });
  });
}

function policyDataGrants(policyData: unknown): Grant[] {
  if (typeof policyData !== "string") return [];
  let policy: unknown;
  try {
    policy = JSON.parse(policyData);
  } catch (err) {
    // An unresolved reference (data.google_iam_policy...) cannot be read here; the plan shows its value.
    if (err instanceof SyntaxError) return [];
    throw err;
  }
  if (!isObject(policy) || !Array.isArray(policy.bindings)) return [];
  return policy.bindings.flatMap((binding: unknown) => {
    if (!isObject(binding) || typeof binding.role !== "string" || !Array.isArray(binding.members)) return [];
    const role = binding.role;
    return binding.members.flatMap((member: unknown) => (typeof member === "string" ? [{ role, member }] : []));
  });
}

/**
 * The grants an IAM resource makes: `*_iam_member` (role + member), `*_iam_binding` (role +
 * members), `*_iam_policy` (policy_data JSON), and BigQuery dataset access entries.
 */
export function grantsOf(type: string, attributes: JsonObject | undefined): Grant[] {
  if (!attributes) return [];
  if (type === "google_bigquery_dataset") return accessGrants(blocksAt(attributes, "access"));
  if (type === "google_bigquery_dataset_access") return accessGrants([attributes]);
  if (type.endsWith("_iam_policy")) return policyDataGrants(attributes.policy_data);
  const role = attributes.role;
  if (typeof role !== "string") return [];
  if (typeof attributes.member === "string") return [{ role, member: attributes.member }];
  const members = Array.isArray(attributes.members) ? attributes.members : typeof attributes.members === "string" ? [attributes.members] : [];
  return members.flatMap((member: unknown) => (typeof member === "string" ? [{ role, member }] : []));
}

const key = (g: Grant): string => `${g.role}\u0000${g.member}`;

/** Grants in `after` that `before` did not make. */
export function newGrants(type: string, before: JsonObject | undefined, after: JsonObject | undefined): Grant[] {
  const existing = new Set(grantsOf(type, before).map(key));
  return grantsOf(type, after).filter((g) => !existing.has(key(g)));
}
