import { pushSubscriptions } from "../push-subscriptions";
import { resultOf } from "../stack";
import type { Finding, Rule } from "../types";

export const pushOidcAudience: Rule = {
  id: "pubsub-push-oidc-audience",
  severity: "error",
  description: "Every push subscription sends an OIDC token of a service account, with the target service's URL as the audience.",
  explanation:
    "An IAM-authenticated Cloud Run service rejects a push without a token, so every message dead-letters; a token for another audience is " +
    "rejected the same way, or, worse, is accepted by a service that does not check it.",
  check(stack) {
    const findings: Finding[] = [];
    const pushes = pushSubscriptions(stack);
    for (const push of pushes) {
      const resource = push.subscription.address;
      if (!push.oidc?.serviceAccountEmail) {
        findings.push({ resource, message: "push_config has no oidc_token with a service_account_email" });
        continue;
      }
      const audience = push.oidc.audience;
      if (!audience) findings.push({ resource, message: "oidc_token has no audience (it must be the target service's URL)" });
      else if (!push.endpoint.startsWith(audience)) findings.push({ resource, message: `oidc_token audience ${audience} is not the URL of the push endpoint's service (${push.endpoint})` });
    }
    return resultOf(findings, pushes.length > 0);
  },
};
