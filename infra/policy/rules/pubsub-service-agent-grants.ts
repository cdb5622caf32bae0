import { blockAt, resolveResource, resourcesOfType, resultOf, stringAt } from "../stack";
import type { Finding, Rule, SynthesizedStack, TerraformResource } from "../types";

const SERVICE_AGENT = /^serviceAccount:service-[^@]+@gcp-sa-pubsub\.iam\.gserviceaccount\.com$/;

function members(grant: TerraformResource): string[] {
  const single = stringAt(grant.body, "member");
  if (single !== undefined) return [single];
  const many = grant.body.members;
  return Array.isArray(many) ? many.filter((m): m is string => typeof m === "string") : [];
}

function hasServiceAgentGrant(stack: SynthesizedStack, kind: "topic" | "subscription", target: TerraformResource, role: string): boolean {
  const targetType = `google_pubsub_${kind}`;
  return [`${targetType}_iam_member`, `${targetType}_iam_binding`].some((grantType) =>
    resourcesOfType(stack, grantType).some(
      (grant) =>
        stringAt(grant.body, "role") === role &&
        members(grant).some((m) => SERVICE_AGENT.test(m)) &&
        resolveResource(stack, grant.body[kind], targetType)?.address === target.address,
    ),
  );
}

export const pubsubServiceAgentGrants: Rule = {
  id: "pubsub-service-agent-grants",
  severity: "error",
  description:
    "For every subscription with a dead-letter policy, the Pub/Sub service agent has roles/pubsub.publisher on the dead-letter topic and roles/pubsub.subscriber on the subscription.",
  explanation:
    "Pub/Sub forwards dead letters as its service agent. Without these two grants dead-lettering silently does nothing and " +
    "failing messages are redelivered forever (the old system had dead-letter topics without this IAM).",
  check(stack) {
    const findings: Finding[] = [];
    let applicable = false;
    for (const sub of resourcesOfType(stack, "google_pubsub_subscription")) {
      const policy = blockAt(sub.body, "dead_letter_policy");
      if (!policy) continue;
      applicable = true;
      const deadLetterTopic = resolveResource(stack, policy.dead_letter_topic, "google_pubsub_topic");
      if (deadLetterTopic && !hasServiceAgentGrant(stack, "topic", deadLetterTopic, "roles/pubsub.publisher")) {
        findings.push({ resource: deadLetterTopic.address, message: `Pub/Sub service agent lacks roles/pubsub.publisher on this dead-letter topic (used by ${sub.name})` });
      }
      if (!hasServiceAgentGrant(stack, "subscription", sub, "roles/pubsub.subscriber")) {
        findings.push({ resource: sub.address, message: "Pub/Sub service agent lacks roles/pubsub.subscriber on this subscription" });
      }
    }
    const unique = [...new Map(findings.map((f) => [`${f.resource}|${f.message}`, f])).values()];
    return resultOf(unique, applicable);
  },
};
