/** Vocabulary of the policy checks: pure functions over synthesized Terraform JSON (cdk-nag style). */

export type Severity = "error" | "warning";

export type JsonObject = Readonly<Record<string, unknown>>;

/** One `resource.<type>.<name>` (or `data.<type>.<name>`) block of a synthesized stack. */
export interface TerraformResource {
  readonly type: string;
  readonly name: string;
  /** `<stack>/<type>.<name>`, or `<stack>/data.<type>.<name>` for a data source. */
  readonly address: string;
  readonly body: JsonObject;
}

export interface SynthesizedStack {
  readonly name: string;
  readonly resources: readonly TerraformResource[];
  readonly dataSources: readonly TerraformResource[];
}

export interface Finding {
  /** Resource address (`<stack>/<type>.<name>`), or the stack name for stack-wide findings. */
  readonly resource: string;
  readonly message: string;
}

export type RuleResult =
  | { readonly status: "compliant" }
  | { readonly status: "not_applicable" }
  | { readonly status: "non_compliant"; readonly findings: readonly Finding[] };

export interface Rule {
  /** Stable id, used in reports and suppressions. */
  readonly id: string;
  readonly severity: Severity;
  /** One line: what the rule requires. */
  readonly description: string;
  /** Why it matters: the failure it prevents. */
  readonly explanation: string;
  check(stack: SynthesizedStack): RuleResult;
}

export interface Violation {
  readonly rule: string;
  readonly severity: Severity;
  readonly resource: string;
  readonly message: string;
}

export interface SuppressedViolation extends Violation {
  readonly reason: string;
}

export interface PolicyReport {
  readonly violations: readonly Violation[];
  /** Violations waived by a suppression with a written reason (shown to reviewers, never counted as errors). */
  readonly suppressed: readonly SuppressedViolation[];
  readonly rules: number;
  readonly resources: number;
}
