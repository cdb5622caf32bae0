import { randomUUID } from "node:crypto";
import { deadLetterTopicName } from "../../catalog/topics";
import type { TopicSpec } from "../../catalog/types";
import type { Bus, DeadLetter, Delivery, HandlerOutcome, MessageHandler } from "../ports/bus";
import { errorMessage } from "../../domain/error-message";

export interface InProcessBusOptions {
  readonly topics: readonly TopicSpec[];
  /**
   * Multiplies the catalog backoff (10 s .. 600 s) for local runs; 0.001 turns a 10 s wait into
   * 10 ms, so a failing handler is retried with the same shape but without stalling the CLI.
   */
  readonly backoffScale?: number;
  /** Waits between attempts; a SimulatedClock's `sleep` makes backoff instant and measurable. */
  readonly sleep?: (ms: number) => Promise<void>;
}

interface Route {
  readonly subscription: string;
  readonly maxAttempts: number;
  readonly minBackoffMs: number;
  readonly maxBackoffMs: number;
  readonly deadLetterTopic: string | null;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Pub/Sub semantics in one process: every catalog subscription of a topic gets each message,
 * delivery is retried with exponential backoff up to the subscription's attempt limit, and then
 * the message goes to the topic's dead-letter topic. Publishing awaits delivery, so local runs
 * are ordered and deterministic.
 */
export class InProcessBus implements Bus {
  private readonly routes = new Map<string, Route[]>();
  private readonly handlers = new Map<string, MessageHandler>();
  readonly deadLetters: DeadLetter[] = [];
  /** Messages published to a subscription nobody handles locally (kept, like an unacked backlog). */
  readonly undelivered: { subscription: string; body: unknown }[] = [];
  readonly published: { topic: string; messageId: string; body: unknown }[] = [];
  /** Every delivery attempt and its answer, so drills and tests can count redeliveries. */
  readonly deliveries: { subscription: string; messageId: string; attempt: number; outcome: HandlerOutcome["kind"] }[] = [];
  private readonly scale: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(options: InProcessBusOptions) {
    this.scale = options.backoffScale ?? 0.001;
    this.sleep = options.sleep ?? defaultSleep;
    for (const topic of options.topics) {
      const dlq = deadLetterTopicName(topic.name);
      this.routes.set(
        topic.name,
        topic.subscriptions.map((s) => ({
          subscription: s.name,
          maxAttempts: s.maxDeliveryAttempts,
          minBackoffMs: s.retry.minimumBackoffSeconds * 1000,
          maxBackoffMs: s.retry.maximumBackoffSeconds * 1000,
          deadLetterTopic: dlq,
        })),
      );
      this.routes.set(dlq, [
        { subscription: `${dlq}--${topic.deadLetterConsumer}`, maxAttempts: 5, minBackoffMs: 10_000, maxBackoffMs: 600_000, deadLetterTopic: null },
      ]);
    }
  }

  subscribe(subscription: string, handler: MessageHandler): void {
    const known = [...this.routes.values()].some((routes) => routes.some((r) => r.subscription === subscription));
    if (!known) throw new Error(`bus: no subscription named ${subscription} in the catalog`);
    this.handlers.set(subscription, handler);
  }

  async publish(topic: string, body: unknown): Promise<string> {
    const routes = this.routes.get(topic);
    if (!routes) throw new Error(`bus: no topic named ${topic} in the catalog`);
    const messageId = randomUUID();
    const frozen: unknown = JSON.parse(JSON.stringify(body));
    this.published.push({ topic, messageId, body: frozen });
    for (const route of routes) await this.deliver(topic, route, messageId, frozen);
    return messageId;
  }

  private async deliver(topic: string, route: Route, messageId: string, body: unknown): Promise<void> {
    const handler = this.handlers.get(route.subscription);
    if (!handler) {
      this.undelivered.push({ subscription: route.subscription, body });
      return;
    }
    let reason = "";
    for (let attempt = 1; attempt <= route.maxAttempts; attempt++) {
      const delivery: Delivery = { messageId, topic, subscription: route.subscription, attempt, body };
      const outcome = await this.invoke(handler, delivery);
      this.deliveries.push({ subscription: route.subscription, messageId, attempt, outcome: outcome.kind });
      if (outcome.kind === "ack") return;
      reason = outcome.reason;
      if (attempt < route.maxAttempts) {
        const backoff = Math.min(route.minBackoffMs * 2 ** (attempt - 1), route.maxBackoffMs);
        await this.sleep(backoff * this.scale);
      }
    }
    const dead: DeadLetter = { topic, subscription: route.subscription, messageId, attempts: route.maxAttempts, reason, body };
    this.deadLetters.push(dead);
    if (route.deadLetterTopic) await this.publish(route.deadLetterTopic, { dead_letter: dead });
  }

  /** A handler that throws is treated like a push endpoint answering 500: retried. */
  private async invoke(handler: MessageHandler, delivery: Delivery): Promise<HandlerOutcome> {
    try {
      return await handler(delivery);
    } catch (err) {
      return { kind: "retry", reason: errorMessage(err) };
    }
  }
}
