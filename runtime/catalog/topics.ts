import type { RetryPolicySpec, SubscriptionSpec, TopicSpec } from "./types";

/** Delivery defaults for every phase subscription (DOMAIN §6.1, STYLE.md ReliableTopic). */
export const DEFAULT_RETRY: RetryPolicySpec = { minimumBackoffSeconds: 10, maximumBackoffSeconds: 600 };
/** Push handlers may run a whole processor; Pub/Sub allows at most 600 s for an ack. */
export const DEFAULT_ACK_DEADLINE_SECONDS = 600;
export const DEFAULT_MESSAGE_RETENTION_SECONDS = 7 * 24 * 3600;
/** Phase topics keep what was published for a week, so a subscription can seek back and replay a day. */
export const TOPIC_REPLAY_RETENTION_SECONDS = 7 * 24 * 3600;

/**
 * A push subscription. `maxDeliveryAttempts` is sized against a season's backfill burst on the
 * consumer (runtime/catalog/push-load.ts, docs/deploy.md): a 429 while the consumer is full counts
 * as a failed delivery, so too few attempts dead-letter healthy messages.
 */
function push(topic: string, consumer: string, pushPath: string, maxDeliveryAttempts: number): SubscriptionSpec {
  return {
    name: `${topic}--${consumer}`,
    consumer,
    pushPath,
    ackDeadlineSeconds: DEFAULT_ACK_DEADLINE_SECONDS,
    maxDeliveryAttempts,
    retry: DEFAULT_RETRY,
    messageRetentionSeconds: DEFAULT_MESSAGE_RETENTION_SECONDS,
  };
}

interface PhaseTopic {
  readonly name: string;
  readonly description: string;
  readonly consumer: string;
  readonly pushPath: string;
  readonly messagesPerDate: number;
  readonly maxDeliveryAttempts: number;
}

function phaseTopic(t: PhaseTopic): TopicSpec {
  return {
    name: t.name,
    description: t.description,
    subscriptions: [push(t.name, t.consumer, t.pushPath, t.maxDeliveryAttempts)],
    deadLetterConsumer: "alert-dispatcher",
    deadLetterMaxDeliveryAttempts: 10,
    deadLetterRetry: DEFAULT_RETRY,
    messagesPerDate: t.messagesPerDate,
    messageRetentionSeconds: TOPIC_REPLAY_RETENTION_SECONDS,
  };
}

/** The phase chain of DOMAIN §6.1, in order, as far as consumers exist (a topic nobody reads is not declared). `messagesPerDate`: one per scraper or processor that completes a date. */
export const topics: readonly TopicSpec[] = [
  phaseTopic({
    name: "nba-phase1-scrapers-complete",
    description: "A scraper stored a payload (object path, record_count).",
    consumer: "raw-processors",
    pushPath: "/pubsub/phase1",
    messagesPerDate: 2,
    maxDeliveryAttempts: 20,
  }),
  phaseTopic({
    name: "nba-phase2-raw-complete",
    description: "A raw processor wrote nba_raw rows for a date; the 2->3 transition records it.",
    consumer: "phase-orchestrator",
    pushPath: "/pubsub/phase2",
    messagesPerDate: 2,
    maxDeliveryAttempts: 30,
  }),
  phaseTopic({
    name: "nba-phase3-analytics-complete",
    description: "An analytics processor wrote nba_analytics rows for a date.",
    consumer: "phase-orchestrator",
    pushPath: "/pubsub/phase3",
    messagesPerDate: 3,
    maxDeliveryAttempts: 15,
  }),
  phaseTopic({
    name: "nba-phase3-trigger",
    description: "The 2->3 gates passed: run the analytics processors for a date.",
    consumer: "analytics-processors",
    pushPath: "/pubsub/phase3-trigger",
    messagesPerDate: 1,
    maxDeliveryAttempts: 20,
  }),
  phaseTopic({
    name: "nba-phase4-trigger",
    description: "The 3->4 gate passed: run precompute for a date.",
    consumer: "precompute-processors",
    pushPath: "/pubsub/phase4-trigger",
    messagesPerDate: 1,
    maxDeliveryAttempts: 20,
  }),
  phaseTopic({
    name: "nba-phase4-precompute-complete",
    description: "A precompute processor wrote its rows for a date; the orchestrator records it (the 4->5 transition waits for a prediction service).",
    consumer: "phase-orchestrator",
    pushPath: "/pubsub/phase4",
    messagesPerDate: 5,
    maxDeliveryAttempts: 15,
  }),
];

/**
 * The phase chain beyond what runs today (DOMAIN §6.1): not declared, so not synthesized, until
 * the prediction service exists. Only the orchestration drills put it on a bus.
 */
export const plannedTopics: readonly TopicSpec[] = [
  phaseTopic({
    name: "nba-predictions-trigger",
    description: "The 4->5 gate passed: run predictions for a date.",
    consumer: "prediction-coordinator",
    pushPath: "/pubsub/predictions-trigger",
    messagesPerDate: 1,
    maxDeliveryAttempts: 20,
  }),
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

/**
 * Where an alert goes once its channel retries are spent (besides its outbox record): a topic
 * with one pull subscription operators read, declared by the stacks; configs/alerts.yaml names
 * it as `dead_letter.topic` and the GCP platform publishes there.
 */
export const ALERT_DEAD_LETTER_TOPIC = "nba-alerts-dead-letter";
