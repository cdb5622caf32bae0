import { blockAt, numberAt, resourcesOfType, resultOf, stringAt } from "../stack";
import type { Finding, Rule } from "../types";

export const subscriptionDeadLetterPolicy: Rule = {
  id: "pubsub-subscription-dead-letter-policy",
  severity: "error",
  description: "Every Pub/Sub subscription has a dead-letter policy with a dead-letter topic and 5-100 delivery attempts.",
  explanation:
    "Without a dead-letter policy a message that always fails is redelivered forever: the retry storms of the old system " +
    "(1.06 M redeliveries in 16 days, no alert) came from exactly that.",
  check(stack) {
    const subscriptions = resourcesOfType(stack, "google_pubsub_subscription");
    const findings: Finding[] = [];
    for (const sub of subscriptions) {
      const policy = blockAt(sub.body, "dead_letter_policy");
      if (!policy) {
        findings.push({ resource: sub.address, message: "has no dead_letter_policy" });
        continue;
      }
      if (!stringAt(policy, "dead_letter_topic")) findings.push({ resource: sub.address, message: "dead_letter_policy names no dead_letter_topic" });
      const attempts = numberAt(policy, "max_delivery_attempts");
      if (attempts === undefined || attempts < 5 || attempts > 100) {
        findings.push({ resource: sub.address, message: `dead_letter_policy.max_delivery_attempts must be 5-100, is ${attempts ?? "unset"}` });
      }
    }
    return resultOf(findings, subscriptions.length > 0);
  },
};
