import { blockAt, resolveResource, resourcesOfType, resultOf } from "../stack";
import type { Finding, Rule } from "../types";

export const deadLetterTopicRead: Rule = {
  id: "pubsub-dead-letter-topic-read",
  severity: "error",
  description: "Every dead-letter topic is declared in the stack and has a subscription that reads it.",
  explanation: "Dead letters sent to a topic without a subscription are lost: the failure is hidden instead of raised.",
  check(stack) {
    const subscriptions = resourcesOfType(stack, "google_pubsub_subscription");
    const readTopics = new Set(subscriptions.map((s) => resolveResource(stack, s.body.topic, "google_pubsub_topic")?.address));
    const findings: Finding[] = [];
    let applicable = false;
    for (const sub of subscriptions) {
      const policy = blockAt(sub.body, "dead_letter_policy");
      if (!policy) continue;
      applicable = true;
      const target = policy.dead_letter_topic;
      const topic = resolveResource(stack, target, "google_pubsub_topic");
      if (!topic) findings.push({ resource: sub.address, message: `dead-letter topic ${String(target)} is not declared in this stack` });
      else if (!readTopics.has(topic.address)) findings.push({ resource: topic.address, message: `dead-letter topic of ${sub.name} has no subscription; its dead letters are lost` });
    }
    const unique = [...new Map(findings.map((f) => [`${f.resource}|${f.message}`, f])).values()];
    return resultOf(unique, applicable);
  },
};
