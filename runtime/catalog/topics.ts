import type { RetryPolicySpec, SubscriptionSpec, TopicSpec } from "./types";

/** Delivery defaults for every phase subscription (DOMAIN §6.1, STYLE.md ReliableTopic). */
export const DEFAULT_MAX_DELIVERY_ATTEMPTS = 5;
export const DEFAULT_RETRY: RetryPolicySpec = { minimumBackoffSeconds: 10, maximumBackoffSeconds: 600 };
/** Push handlers may run a whole processor; Pub/Sub allows at most 600 s for an ack. */
export const DEFAULT_ACK_DEADLINE_SECONDS = 600;
export const DEFAULT_MESSAGE_RETENTION_SECONDS = 7 * 24 * 3600;

function push(topic: string, consumer: string, pushPath: string): SubscriptionSpec {
  return {
    name: `${topic}--${consumer}`,
    consumer,
    pushPath,
    ackDeadlineSeconds: DEFAULT_ACK_DEADLINE_SECONDS,
    maxDeliveryAttempts: DEFAULT_MAX_DELIVERY_ATTEMPTS,
    retry: DEFAULT_RETRY,
    messageRetentionSeconds: DEFAULT_MESSAGE_RETENTION_SECONDS,
  };
}

function phaseTopic(name: string, description: string, consumer: string, pushPath: string): TopicSpec {
  return { name, description, subscriptions: [push(name, consumer, pushPath)], deadLetterConsumer: "alert-dispatcher" };
}

/** The phase chain of DOMAIN §6.1, in order, as far as consumers exist (a topic nobody reads is not declared). */
export const topics: readonly TopicSpec[] = [
  phaseTopic("nba-phase1-scrapers-complete", "A scraper stored a payload (object path, record_count).", "raw-processors", "/pubsub/phase1"),
  phaseTopic("nba-phase2-raw-complete", "A raw processor wrote nba_raw rows for a date.", "analytics-processors", "/pubsub/phase2"),
  phaseTopic("nba-phase3-analytics-complete", "An analytics processor wrote nba_analytics rows for a date.", "phase-orchestrator", "/pubsub/phase3"),
];

/** Suffix of a topic's dead-letter topic. */
export const DEAD_LETTER_SUFFIX = "-dlq";

export function deadLetterTopicName(topic: string): string {
  return `${topic}${DEAD_LETTER_SUFFIX}`;
}

/**
 * Where dead-letter subscriptions themselves dead-letter: a terminal topic with one pull
 * subscription that operators inspect, watched by the dead-letter backlog alert.
 */
export const TERMINAL_DEAD_LETTER_TOPIC = "nba-dead-letter-terminal";
export const DEAD_LETTER_PUSH_PATH = "/pubsub/dead-letter";
