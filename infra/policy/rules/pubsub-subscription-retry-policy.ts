import { blockAt, resourcesOfType, resultOf, stringAt } from "../stack";
import type { Finding, Rule } from "../types";

function seconds(duration: string | undefined): number | undefined {
  const match = duration === undefined ? null : /^(\d+(?:\.\d+)?)s$/.exec(duration);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

export const subscriptionRetryPolicy: Rule = {
  id: "pubsub-subscription-retry-policy",
  severity: "error",
  description: "Every Pub/Sub subscription has a retry policy with explicit minimum and maximum backoff (1 s to 600 s).",
  explanation: "Without a retry policy Pub/Sub redelivers a failed message immediately, so one bad message becomes a tight loop against the consumer.",
  check(stack) {
    const subscriptions = resourcesOfType(stack, "google_pubsub_subscription");
    const findings: Finding[] = [];
    for (const sub of subscriptions) {
      const policy = blockAt(sub.body, "retry_policy");
      if (!policy) {
        findings.push({ resource: sub.address, message: "has no retry_policy" });
        continue;
      }
      const min = seconds(stringAt(policy, "minimum_backoff"));
      const max = seconds(stringAt(policy, "maximum_backoff"));
      if (min === undefined || max === undefined) findings.push({ resource: sub.address, message: "retry_policy must set minimum_backoff and maximum_backoff" });
      else if (min < 1 || max > 600 || min > max) findings.push({ resource: sub.address, message: `retry_policy backoff must satisfy 1s <= minimum <= maximum <= 600s, is ${min}s..${max}s` });
    }
    return resultOf(findings, subscriptions.length > 0);
  },
};
