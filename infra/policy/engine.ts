import { loadSynthesizedStacks } from "./load";
import { policyRules } from "./policy-rules";
import { suppressionReason } from "./suppressions";
import type { PolicyReport, Rule, SuppressedViolation, SynthesizedStack, Violation } from "./types";

/**
 * Runs every rule on every stack. A rule that throws is reported as an error-level violation
 * (a check that cannot run has not passed). A finding on a resource that carries a suppression
 * for that rule with a written reason is moved to `suppressed`.
 */
export function runPolicyChecks(stacks: readonly SynthesizedStack[], rules: readonly Rule[] = policyRules): PolicyReport {
  const violations: Violation[] = [];
  const suppressed: SuppressedViolation[] = [];
  for (const stack of stacks) {
    const byAddress = new Map(stack.resources.map((r) => [r.address, r]));
    for (const rule of rules) {
      let result;
      try {
        result = rule.check(stack);
      } catch (err) {
        violations.push({ rule: rule.id, severity: "error", resource: stack.name, message: `rule failed to run: ${err instanceof Error ? err.message : String(err)}` });
        continue;
      }
      if (result.status !== "non_compliant") continue;
      for (const finding of result.findings) {
        const violation: Violation = { rule: rule.id, severity: rule.severity, resource: finding.resource, message: finding.message };
        const resource = byAddress.get(finding.resource);
        const reason = resource && suppressionReason(resource, rule.id);
        if (reason) suppressed.push({ ...violation, reason });
        else violations.push(violation);
      }
    }
  }
  const resources = stacks.reduce((n, s) => n + s.resources.length, 0);
  return { violations, suppressed, rules: rules.length, resources };
}

/** Loads `<dir>/stacks/*` and checks them. */
export function checkSynthOutput(dir: string, rules: readonly Rule[] = policyRules): PolicyReport {
  return runPolicyChecks(loadSynthesizedStacks(dir), rules);
}

export function hasErrors(report: PolicyReport): boolean {
  return report.violations.some((v) => v.severity === "error");
}
