import { SENSITIVE_VALUE, UNKNOWN_AFTER_APPLY, formatPath, normalizeAttributes, overlayMarkers } from "../attributes";
import { diffAttributes } from "../attribute-diff";
import type { ChangeAction, ResourceChange } from "../types";
import type { PlanAction, PlanResourceChange, TerraformPlan } from "./plan-schema";

/** The review's action for a plan's `change.actions`; undefined for no-op, read and forget. */
export function actionOf(actions: readonly PlanAction[]): ChangeAction | undefined {
  const has = (a: PlanAction): boolean => actions.includes(a);
  if (has("delete") && has("create")) return "replace";
  if (has("delete")) return "destroy";
  if (has("create")) return "create";
  if (has("update")) return "update";
  return undefined;
}

/**
 * Why a replace happens: the plan's replace_paths (list indexes dropped, so
 * `["time_partitioning",0,"field"]` reads `time_partitioning.field` as in a synthesized
 * comparison), else its action_reason (e.g. replace_because_tainted).
 */
function replacedBecause(rc: PlanResourceChange): string[] {
  const paths = (rc.change.replace_paths ?? []).map((steps) => formatPath(steps.filter((s): s is string => typeof s === "string")));
  const unique = [...new Set(paths.filter((p) => p !== ""))];
  if (unique.length > 0) return unique;
  return rc.action_reason ? [rc.action_reason] : [];
}

function resourceChangeOf(stack: string, rc: PlanResourceChange): ResourceChange | undefined {
  if (rc.mode !== "managed") return undefined;
  const action = actionOf(rc.change.actions);
  if (!action) return undefined;
  // Sensitive values are masked before anything else sees them: a review is posted in a pull request.
  const before = normalizeAttributes(overlayMarkers(rc.change.before, rc.change.before_sensitive, SENSITIVE_VALUE));
  const after = normalizeAttributes(overlayMarkers(overlayMarkers(rc.change.after, rc.change.after_unknown, UNKNOWN_AFTER_APPLY), rc.change.after_sensitive, SENSITIVE_VALUE));
  const address = `${stack}/${rc.address}${rc.deposed === undefined ? "" : ` (deposed ${rc.deposed})`}`;
  const base = { stack, address, type: rc.type, name: rc.name, source: "plan" as const };
  switch (action) {
    case "create":
      return { ...base, action, attributeDiffs: [], after, replacedBecause: [] };
    case "destroy":
      return { ...base, action, attributeDiffs: [], before, replacedBecause: [] };
    case "update":
      return { ...base, action, attributeDiffs: diffAttributes(before, after), before, after, replacedBecause: [] };
    case "replace":
      return { ...base, action, attributeDiffs: diffAttributes(before, after), before, after, replacedBecause: replacedBecause(rc) };
  }
}

/** The changes a plan makes to `stack`, by address (no-op and read entries are not changes). */
export function changesFromPlan(plan: TerraformPlan, stack: string): ResourceChange[] {
  return (plan.resource_changes ?? [])
    .flatMap((rc) => resourceChangeOf(stack, rc) ?? [])
    .sort((a, b) => a.address.localeCompare(b.address));
}
