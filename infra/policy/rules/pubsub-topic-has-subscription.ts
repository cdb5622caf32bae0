import { resolveResource, resourcesOfType, resultOf } from "../stack";
import type { Finding, Rule } from "../types";

export const topicHasSubscription: Rule = {
  id: "pubsub-topic-has-subscription",
  severity: "error",
  description: "Every Pub/Sub topic has at least one subscription in the stack.",
  explanation: "A topic nobody subscribes to drops every message published to it; the old system had several such topics and never noticed.",
  check(stack) {
    const topics = resourcesOfType(stack, "google_pubsub_topic");
    const subscribed = new Set(
      resourcesOfType(stack, "google_pubsub_subscription").map((s) => resolveResource(stack, s.body.topic, "google_pubsub_topic")?.address),
    );
    const findings: Finding[] = topics
      .filter((t) => !subscribed.has(t.address))
      .map((t) => ({ resource: t.address, message: "no subscription reads this topic" }));
    return resultOf(findings, topics.length > 0);
  },
};
