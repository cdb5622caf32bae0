import { blockAt, numberAt, resourcesOfType, resultOf, stringAt } from "../stack";
import type { Finding, Rule } from "../types";

/** The provider's documented ranges. */
export const ACK_DEADLINE_SECONDS = { min: 10, max: 600 } as const;
export const MESSAGE_RETENTION_SECONDS = { min: 600, max: 31 * 86400 } as const;

function seconds(value: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)s$/.exec(value);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

function retentionProblem(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const s = seconds(value);
  if (s === undefined) return `message_retention_duration ${value} is not a duration in seconds`;
  if (s < MESSAGE_RETENTION_SECONDS.min || s > MESSAGE_RETENTION_SECONDS.max) {
    return `message_retention_duration ${value} is outside ${MESSAGE_RETENTION_SECONDS.min}s-${MESSAGE_RETENTION_SECONDS.max}s`;
  }
  return undefined;
}

export const pubsubDurationRanges: Rule = {
  id: "pubsub-duration-ranges",
  severity: "error",
  description:
    `Subscriptions: ack deadline ${ACK_DEADLINE_SECONDS.min}-${ACK_DEADLINE_SECONDS.max} s, message retention 10 min-31 days, ` +
    'and an expiration policy with ttl "" (never expires). Topics: message retention 10 min-31 days.',
  explanation:
    "Values outside the ranges fail the apply half-way (or are clamped silently), and a subscription without a never-expiring policy is deleted " +
    "after 31 idle days: an off-season later, a phase of the pipeline is simply gone.",
  check(stack) {
    const findings: Finding[] = [];
    const subscriptions = resourcesOfType(stack, "google_pubsub_subscription");
    for (const sub of subscriptions) {
      const ack = numberAt(sub.body, "ack_deadline_seconds");
      if (ack !== undefined && (ack < ACK_DEADLINE_SECONDS.min || ack > ACK_DEADLINE_SECONDS.max)) {
        findings.push({ resource: sub.address, message: `ack_deadline_seconds ${ack} is outside ${ACK_DEADLINE_SECONDS.min}-${ACK_DEADLINE_SECONDS.max}` });
      }
      const retention = retentionProblem(stringAt(sub.body, "message_retention_duration"));
      if (retention) findings.push({ resource: sub.address, message: retention });
      const expiration = blockAt(sub.body, "expiration_policy");
      const ttl = expiration && stringAt(expiration, "ttl");
      if (ttl !== "") findings.push({ resource: sub.address, message: `expiration_policy.ttl must be "" (never expire), is ${ttl === undefined ? "unset (31 days)" : ttl}` });
    }
    const topics = resourcesOfType(stack, "google_pubsub_topic");
    for (const topic of topics) {
      const retention = retentionProblem(stringAt(topic.body, "message_retention_duration"));
      if (retention) findings.push({ resource: topic.address, message: retention });
    }
    return resultOf(findings, subscriptions.length + topics.length > 0);
  },
};
