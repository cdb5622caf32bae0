import { isObject } from "../../policy";
import type { ReviewRule } from "../types";
import { bothSides, finding, resourceName, show } from "./rule-helpers";

const deadLetterTopic = (policy: unknown): unknown => (isObject(policy) ? policy.dead_letter_topic : undefined);

export const pubsubDeadLetterPolicyRemoved: ReviewRule = {
  id: "pubsub-dead-letter-policy-removed",
  risk: "high",
  label: "dead-letter policy removed",
  description: "Without a dead-letter policy a message its consumer keeps failing on is redelivered forever instead of being set aside.",
  check(change) {
    const sides = change.type === "google_pubsub_subscription" ? bothSides(change) : undefined;
    if (!sides) return [];
    const before = deadLetterTopic(sides.before.dead_letter_policy);
    const after = deadLetterTopic(sides.after.dead_letter_policy);
    if (before === undefined || before === "" || (after !== undefined && after !== "")) return [];
    return [finding(this, change, `subscription ${resourceName(change)} loses its dead_letter_policy (was ${show(before)}): a poison message loops instead of being dead-lettered`)];
  },
};
