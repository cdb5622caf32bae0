import type { TerraformResource } from "cdktf";
import { POLICY_METADATA_KEY } from "../policy/suppressions";

export interface PolicySuppression {
  /** Id of the policy rule that does not apply to this resource. */
  readonly rule: string;
  /** Why, in words a reviewer can check. Required: a suppression without a reason is itself a violation. */
  readonly reason: string;
}

/**
 * Records on the resource itself that a policy rule is knowingly not met, so the reason travels
 * with the resource into the synthesized JSON, the plan review and the policy check.
 */
export function suppressPolicy(resource: TerraformResource, suppressions: readonly PolicySuppression[]): void {
  resource.addOverride(`//.${POLICY_METADATA_KEY}.suppressions`, suppressions.map((s) => ({ rule: s.rule, reason: s.reason })));
}
