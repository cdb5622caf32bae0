import { grantMembers, isMemberOf, pushSubscriptions, serviceAccountOf } from "../push-subscriptions";
import { resolveResource, resourcesOfType, resultOf, stringAt } from "../stack";
import type { Finding, Rule, SynthesizedStack, TerraformResource } from "../types";

function canInvoke(stack: SynthesizedStack, account: TerraformResource, service: TerraformResource): boolean {
  return ["google_cloud_run_v2_service_iam_member", "google_cloud_run_v2_service_iam_binding"].some((type) =>
    resourcesOfType(stack, type).some(
      (grant) =>
        stringAt(grant.body, "role") === "roles/run.invoker" &&
        resolveResource(stack, grant.body.name, "google_cloud_run_v2_service")?.address === service.address &&
        grantMembers(grant).some((m) => isMemberOf(stack, m, account)),
    ),
  );
}

export const pushIdentityCanInvoke: Rule = {
  id: "pubsub-push-identity-can-invoke",
  severity: "error",
  description: "The service account in a push subscription's OIDC token has roles/run.invoker on the Cloud Run service it pushes to (granted on that service).",
  explanation: "Without the grant every push is answered 403, which Pub/Sub counts as a failed delivery: the whole phase dead-letters while nothing is broken in the code.",
  check(stack) {
    const findings: Finding[] = [];
    let applicable = false;
    for (const push of pushSubscriptions(stack)) {
      const account = serviceAccountOf(stack, push.oidc?.serviceAccountEmail);
      if (!account || !push.target) continue;
      applicable = true;
      if (!canInvoke(stack, account, push.target)) {
        findings.push({ resource: push.subscription.address, message: `push identity ${account.name} has no roles/run.invoker on ${push.target.name}` });
      }
    }
    return resultOf(findings, applicable);
  },
};
