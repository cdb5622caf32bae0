import type { Catalog } from "./catalog";
import type { RetryPolicySpec, RoleSpec, ServiceCapacity } from "./types";

/**
 * ET dates of one season's backfill: opening night (late October) to the last possible Finals game
 * (late June) is about 240 dates; every one of them is replayed at once in the worst case.
 */
export const BACKFILL_SEASON_DATES = 240;

/**
 * BigQuery runs 2 mutating DML statements per table at once and queues 20 more; beyond that a MERGE
 * fails. A role that writes tables keeps concurrency x maxInstances at or under the queue.
 */
export const BIGQUERY_DML_QUEUE_PER_TABLE = 20;

/** The retry window must cover the drain this many times over (Pub/Sub's backoff growth is not exactly documented). */
export const PUSH_SAFETY_FACTOR = 2;

/** Pub/Sub's limits on a dead-letter policy's attempts. */
export const MIN_DELIVERY_ATTEMPTS = 5;
export const MAX_DELIVERY_ATTEMPTS = 100;

/**
 * Seconds between the first delivery and the last of `attempts`, with the backoff doubling from
 * the minimum and capped at the maximum: sum over k = 1..attempts-1 of min(min * 2^(k-1), max).
 */
export function retryWindowSeconds(attempts: number, retry: RetryPolicySpec): number {
  let total = 0;
  for (let k = 1; k < attempts; k++) total += Math.min(retry.minimumBackoffSeconds * 2 ** (k - 1), retry.maximumBackoffSeconds);
  return total;
}

export interface PushLoad {
  readonly subscription: string;
  readonly consumer: string;
  /** Messages pushed to the consumer at once, over every subscription it reads, when a season is backfilled. */
  readonly burst: number;
  /** Requests the consumer takes at once: concurrency x maxInstances. */
  readonly capacity: number;
  /** ceil(burst / capacity) x secondsPerMessage: when the last message of the burst is taken. */
  readonly drainSeconds: number;
  readonly maxDeliveryAttempts: number;
  /** How long the subscription keeps retrying a message before it dead-letters it. */
  readonly retryWindowSeconds: number;
}

interface PushedSubscription {
  readonly name: string;
  readonly consumer: string;
  readonly burst: number;
  readonly maxDeliveryAttempts: number;
  readonly retry: RetryPolicySpec;
}

function pushedSubscriptions(c: Catalog): PushedSubscription[] {
  return c.topics.flatMap((topic) => {
    const burst = topic.messagesPerDate * BACKFILL_SEASON_DATES;
    return [
      ...topic.subscriptions.map((s) => ({ name: s.name, consumer: s.consumer, burst, maxDeliveryAttempts: s.maxDeliveryAttempts, retry: s.retry })),
      // Worst case the whole burst dead-letters, and the dead-letter consumer takes all of it.
      {
        name: `${topic.name}-dlq--${topic.deadLetterConsumer}`,
        consumer: topic.deadLetterConsumer,
        burst,
        maxDeliveryAttempts: topic.deadLetterMaxDeliveryAttempts,
        retry: topic.deadLetterRetry,
      },
    ];
  });
}

export function capacityOf(role: RoleSpec): ServiceCapacity | undefined {
  return role.kind === "service" ? role.capacity : undefined;
}

/** The burst arithmetic of docs/deploy.md, one row per push subscription. */
export function pushLoads(c: Catalog): PushLoad[] {
  const subscriptions = pushedSubscriptions(c);
  return subscriptions.flatMap((s) => {
    const role = c.roles.find((r) => r.name === s.consumer);
    const capacity = role && capacityOf(role);
    if (!capacity) return [];
    // Every subscription of a consumer bursts together in a backfill: they share its instances.
    const burst = subscriptions.filter((o) => o.consumer === s.consumer).reduce((n, o) => n + o.burst, 0);
    const slots = capacity.concurrency * capacity.maxInstances;
    return [
      {
        subscription: s.name,
        consumer: s.consumer,
        burst,
        capacity: slots,
        drainSeconds: Math.ceil(burst / slots) * capacity.secondsPerMessage,
        maxDeliveryAttempts: s.maxDeliveryAttempts,
        retryWindowSeconds: retryWindowSeconds(s.maxDeliveryAttempts, s.retry),
      },
    ];
  });
}

/** Every way a season's backfill would dead-letter healthy messages or overrun BigQuery's DML queue. */
export function pushLoadProblems(c: Catalog): string[] {
  const problems: string[] = [];
  for (const role of c.roles) {
    const capacity = capacityOf(role);
    if (role.kind !== "service") continue;
    if (!capacity) {
      problems.push(`service ${role.name} declares no capacity`);
      continue;
    }
    const slots = capacity.concurrency * capacity.maxInstances;
    if (role.datasetsWritten.length > 0 && slots > BIGQUERY_DML_QUEUE_PER_TABLE) {
      problems.push(`service ${role.name} takes ${slots} requests at once, more than BigQuery queues DML statements per table (${BIGQUERY_DML_QUEUE_PER_TABLE})`);
    }
    if (capacity.secondsPerMessage > role.timeoutSeconds) problems.push(`service ${role.name} needs ${capacity.secondsPerMessage} s a message but times out after ${role.timeoutSeconds} s`);
  }
  for (const load of pushLoads(c)) {
    if (load.maxDeliveryAttempts < MIN_DELIVERY_ATTEMPTS || load.maxDeliveryAttempts > MAX_DELIVERY_ATTEMPTS) {
      problems.push(`subscription ${load.subscription} allows ${load.maxDeliveryAttempts} attempts; Pub/Sub takes ${MIN_DELIVERY_ATTEMPTS}-${MAX_DELIVERY_ATTEMPTS}`);
    }
    if (load.retryWindowSeconds < PUSH_SAFETY_FACTOR * load.drainSeconds) {
      problems.push(
        `subscription ${load.subscription} dead-letters after ${load.retryWindowSeconds} s of retries, but a season's backfill (${load.burst} messages) ` +
          `takes ${load.consumer} ${load.drainSeconds} s to drain (needs ${PUSH_SAFETY_FACTOR}x that)`,
      );
    }
  }
  return problems;
}
