import { grantMembers, pushSubscriptions, serviceAccountOf } from "../push-subscriptions";
import { resolveResource, resourcesOfType, resultOf, stringAt } from "../stack";
import type { Finding, Rule, SynthesizedStack, TerraformResource } from "../types";

const SERVICE_AGENT = /^serviceAccount:service-[^@]+@gcp-sa-pubsub\.iam\.gserviceaccount\.com$/;
const TOKEN_CREATOR = "roles/iam.serviceAccountTokenCreator";

function agentMayMintFor(stack: SynthesizedStack, account: TerraformResource): boolean {
  const onAccount = ["google_service_account_iam_member", "google_service_account_iam_binding"].some((type) =>
    resourcesOfType(stack, type).some(
      (grant) =>
        stringAt(grant.body, "role") === TOKEN_CREATOR &&
        resolveResource(stack, grant.body.service_account_id, "google_service_account")?.address === account.address &&
        grantMembers(grant).some((m) => SERVICE_AGENT.test(m)),
    ),
  );
  const onProject = resourcesOfType(stack, "google_project_iam_member").some((grant) => stringAt(grant.body, "role") === TOKEN_CREATOR && grantMembers(grant).some((m) => SERVICE_AGENT.test(m)));
  return onAccount || onProject;
}

export const serviceAgentTokenCreator: Rule = {
  id: "pubsub-service-agent-token-creator",
  severity: "error",
  description: "The Pub/Sub service agent has roles/iam.serviceAccountTokenCreator on every service account whose OIDC token push subscriptions send.",
  explanation:
    "Pub/Sub mints the push token as that account; in projects created before April 2021 it cannot without this grant, and every push fails unauthenticated.",
  check(stack) {
    const findings: Finding[] = [];
    const accounts = new Map<string, { account: TerraformResource; subscription: string }>();
    for (const push of pushSubscriptions(stack)) {
      const account = serviceAccountOf(stack, push.oidc?.serviceAccountEmail);
      if (account && !accounts.has(account.address)) accounts.set(account.address, { account, subscription: push.subscription.name });
    }
    for (const { account, subscription } of accounts.values()) {
      if (!agentMayMintFor(stack, account)) {
        findings.push({ resource: account.address, message: `Pub/Sub service agent lacks ${TOKEN_CREATOR} on this push identity (used by ${subscription})` });
      }
    }
    return resultOf(findings, accounts.size > 0);
  },
};
