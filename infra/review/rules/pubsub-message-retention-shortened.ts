import type { JsonObject } from "../../policy";
import type { ReviewRule } from "../types";
import { bothSides, describeSeconds, durationSeconds, finding, resourceName } from "./rule-helpers";

/** The provider's default for a subscription without message_retention_duration: 7 days. */
const SUBSCRIPTION_DEFAULT_SECONDS = 604800;

/** Seconds kept; a topic without the attribute keeps nothing itself (0), a subscription keeps 7 days. */
function retentionSeconds(type: string, attributes: JsonObject): number | undefined {
  const value = attributes.message_retention_duration;
  if (value === undefined) return type === "google_pubsub_subscription" ? SUBSCRIPTION_DEFAULT_SECONDS : 0;
  return durationSeconds(value);
}

export const pubsubMessageRetentionShortened: ReviewRule = {
  id: "pubsub-message-retention-shortened",
  risk: "high",
  label: "message retention shortened",
  description: "A shorter message_retention_duration drops unacknowledged messages sooner: a consumer that is down longer than that loses them.",
  check(change) {
    if (change.type !== "google_pubsub_subscription" && change.type !== "google_pubsub_topic") return [];
    const sides = bothSides(change);
    if (!sides) return [];
    const before = retentionSeconds(change.type, sides.before);
    const after = retentionSeconds(change.type, sides.after);
    if (before === undefined || after === undefined || after >= before) return [];
    const what = `${change.type === "google_pubsub_topic" ? "topic" : "subscription"} ${resourceName(change)}`;
    const reason =
      after === 0
        ? `${what} no longer retains messages itself (was ${describeSeconds(before)}): replaying or seeking back is no longer possible`
        : `${what} keeps messages ${describeSeconds(after)} instead of ${describeSeconds(before)}: messages older than that are dropped`;
    return [finding(this, change, reason)];
  },
};
