import { resultOf } from "../stack";
import { MIN_REASON_LENGTH, isWrittenReason, suppressionsOf } from "../suppressions";
import type { Finding, Rule } from "../types";

export const SUPPRESSION_RULE_ID = "policy-suppression-has-reason";

/** Checks every recorded suppression: it names a known rule and gives a written reason. */
export function suppressionHasReason(knownRuleIds: readonly string[]): Rule {
  const known = new Set(knownRuleIds);
  return {
    id: SUPPRESSION_RULE_ID,
    severity: "error",
    description: `Every policy suppression names an existing rule and gives a reason of at least ${MIN_REASON_LENGTH} characters.`,
    explanation: "A waiver nobody can read back is how a real violation hides; an unexplained suppression does not waive anything.",
    check(stack) {
      const findings: Finding[] = [];
      let applicable = false;
      for (const resource of stack.resources) {
        for (const suppression of suppressionsOf(resource)) {
          applicable = true;
          const rule = typeof suppression.rule === "string" ? suppression.rule : undefined;
          if (rule === undefined || !known.has(rule)) findings.push({ resource: resource.address, message: `suppression names unknown rule ${String(suppression.rule)}` });
          if (!isWrittenReason(suppression.reason)) findings.push({ resource: resource.address, message: `suppression of ${String(suppression.rule)} has no written reason` });
        }
      }
      return resultOf(findings, applicable);
    },
  };
}
