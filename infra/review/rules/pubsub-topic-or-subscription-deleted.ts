import type { ReviewRule } from "../types";
import { becauseOf, finding, resourceName } from "./rule-helpers";

export const pubsubTopicOrSubscriptionDeleted: ReviewRule = {
  id: "pubsub-topic-or-subscription-deleted",
  risk: "high",
  label: "topic or subscription deleted",
  description:
    "Deleting a topic makes its publishers fail and cuts off its subscriptions; deleting or replacing a subscription drops its unacknowledged messages.",
  check(change) {
    if (change.action !== "destroy" && change.action !== "replace") return [];
    const name = resourceName(change);
    if (change.type === "google_pubsub_topic") {
      return change.action === "destroy"
        ? [finding(this, change, `topic ${name} is deleted: publishing to it fails and its subscriptions receive nothing more`)]
        : [finding(this, change, `topic ${name} is replaced${becauseOf(change)}: its subscriptions are detached from the deleted topic`)];
    }
    if (change.type === "google_pubsub_subscription") {
      return change.action === "destroy"
        ? [finding(this, change, `subscription ${name} is deleted with its unacknowledged messages: its consumer stops receiving`)]
        : [finding(this, change, `subscription ${name} is replaced${becauseOf(change)}: its unacknowledged messages are lost`)];
    }
    return [];
  },
};
