import { runPolicyChecks, type SynthesizedStack } from "../policy";
import { changesFromPlan } from "./plan/plan-changes";
import type { TerraformPlan } from "./plan/plan-schema";
import { planStack } from "./plan/plan-stack";
import { reviewChanges, type StackChanges } from "./review";
import { stackStateOf } from "./stack-state";
import { diffSynthesized } from "./synthesized-diff";
import type { Review, ReviewRule } from "./types";

export interface RecordedPlan {
  readonly plan: TerraformPlan;
  /** The stack the plan was made for; inferred from the plan's project when absent. */
  readonly stack?: string;
}

export interface PlanReviewInput {
  /** The base's synthesized stacks; may be absent when a plan is given. */
  readonly base?: readonly SynthesizedStack[];
  readonly head: readonly SynthesizedStack[];
  readonly plan?: RecordedPlan;
  readonly rules?: readonly ReviewRule[];
}

/**
 * The whole review as a pure function of what was loaded: the synthesized comparison per stack,
 * except that a recorded plan replaces it for the stack it was made for (the plan is what
 * Terraform will really do against the live state, drift included), plus the head's policy
 * violations.
 */
export function planReview(input: PlanReviewInput): Review {
  const head = input.head.map(stackStateOf);
  const byStack = new Map<string, StackChanges>();
  if (input.base) {
    for (const [name, changes] of diffSynthesized(input.base.map(stackStateOf), head)) byStack.set(name, { name, source: "synthesized", changes });
  }
  if (input.plan) {
    const name = planStack(input.plan.plan, input.head, input.plan.stack);
    byStack.set(name, { name, source: "plan", changes: changesFromPlan(input.plan.plan, name) });
  }
  const stacks = [...byStack.values()].sort((a, b) => a.name.localeCompare(b.name));
  const policy = runPolicyChecks(input.head);
  return reviewChanges({ stacks, policyViolations: policy.violations, ...(input.rules ? { rules: input.rules } : {}) });
}
