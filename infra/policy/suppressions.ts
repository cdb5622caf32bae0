import { isObject } from "./stack";
import type { TerraformResource } from "./types";

/** Where constructs record suppressions: `"//": { "nba_policy": { "suppressions": [...] } }` (Terraform ignores "//"). */
export const POLICY_METADATA_KEY = "nba_policy";

/** A reason shorter than this is not a reason a reviewer can check. */
export const MIN_REASON_LENGTH = 20;

export interface RecordedSuppression {
  readonly rule: unknown;
  readonly reason: unknown;
}

export function suppressionsOf(resource: TerraformResource): RecordedSuppression[] {
  const meta = resource.body["//"];
  if (!isObject(meta)) return [];
  const policy = meta[POLICY_METADATA_KEY];
  if (!isObject(policy) || !Array.isArray(policy.suppressions)) return [];
  return policy.suppressions.map((s: unknown) => (isObject(s) ? { rule: s.rule, reason: s.reason } : { rule: undefined, reason: undefined }));
}

export function isWrittenReason(reason: unknown): reason is string {
  return typeof reason === "string" && reason.trim().length >= MIN_REASON_LENGTH;
}

/** The reason this resource is exempt from `ruleId`, if a valid suppression says so. */
export function suppressionReason(resource: TerraformResource, ruleId: string): string | undefined {
  const found = suppressionsOf(resource).find((s) => s.rule === ruleId && isWrittenReason(s.reason));
  return found && typeof found.reason === "string" ? found.reason : undefined;
}
