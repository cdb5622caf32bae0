import type { Violation } from "../policy";
import type { Finding } from "./types";

/** Prefix of the `rule` of a finding that comes from the policy engine rather than a review rule. */
export const POLICY_RULE_PREFIX = "policy/";

/**
 * The head's policy violations as findings (error = high, warning = medium), so a pull request
 * that breaks a policy (a topic nobody reads, a subscription without a dead-letter policy) is
 * flagged even when no review rule looks at that change.
 */
export function policyFindings(violations: readonly Violation[]): Finding[] {
  return violations.map((v) => ({
    risk: v.severity === "error" ? "high" : "medium",
    address: v.resource,
    kind: v.rule,
    reason: `policy ${v.rule}: ${v.message}`,
    rule: `${POLICY_RULE_PREFIX}${v.rule}`,
  }));
}
