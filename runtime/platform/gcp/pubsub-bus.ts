import type { PubSub, Topic } from "@google-cloud/pubsub";
import { deadLetterTopicName } from "../../catalog/topics";
import type { TopicSpec } from "../../catalog/types";
import { errorMessage } from "../../domain/error-message";
import type { Bus, MessageHandler } from "../ports/bus";

/** Envelope fields copied into message attributes, so subscriptions and operators can filter without decoding. */
const ATTRIBUTE_FIELDS = ["processor_name", "phase", "game_date", "status", "correlation_id", "execution_id"] as const;

function attributesOf(body: unknown): Record<string, string> {
  const attributes: Record<string, string> = { content_type: "application/json" };
  if (typeof body !== "object" || body === null) return attributes;
  const record = body as Record<string, unknown>;
  for (const field of ATTRIBUTE_FIELDS) {
    const value = record[field];
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") attributes[field] = String(value);
  }
  return attributes;
}

/** Raised when Pub/Sub refuses a message: the caller must not believe it was sent. */
export class PublishError extends Error {
  constructor(
    readonly topic: string,
    override readonly cause: unknown,
  ) {
    super(`bus: publish to ${topic} failed: ${errorMessage(cause)}`);
    this.name = "PublishError";
  }
}

/**
 * The bus on Pub/Sub. Publishing awaits the server's message id (a refused publish rejects).
 * Deliveries arrive as pushes to the role's HTTP server, which looks up the handler here.
 */
export class PubSubBus implements Bus {
  private readonly handlers = new Map<string, MessageHandler>();
  private readonly publishers = new Map<string, Topic>();
  private readonly known: ReadonlySet<string>;

  constructor(
    private readonly client: PubSub,
    topics: readonly TopicSpec[],
  ) {
    this.known = new Set(
      topics.flatMap((t) => [...t.subscriptions.map((s) => s.name), `${deadLetterTopicName(t.name)}--${t.deadLetterConsumer}`]),
    );
  }

  private publisher(topic: string): Topic {
    let found = this.publishers.get(topic);
    if (!found) {
      // One message per request: a completion is published once per run, and waiting to batch only adds latency.
      found = this.client.topic(topic, { batching: { maxMessages: 1 } });
      this.publishers.set(topic, found);
    }
    return found;
  }

  async publish(topic: string, body: unknown): Promise<string> {
    const data = Buffer.from(JSON.stringify(body));
    try {
      return await this.publisher(topic).publishMessage({ data, attributes: attributesOf(body) });
    } catch (err) {
      throw new PublishError(topic, err);
    }
  }

  subscribe(subscription: string, handler: MessageHandler): void {
    if (!this.known.has(subscription)) throw new Error(`bus: no subscription named ${subscription} in the catalog`);
    this.handlers.set(subscription, handler);
  }

  /** The handler registered for a push subscription, if any (the push server answers 404 otherwise). */
  handlerFor(subscription: string): MessageHandler | undefined {
    return this.handlers.get(subscription);
  }

  async close(): Promise<void> {
    await Promise.all([...this.publishers.values()].map((t) => t.flush()));
    await this.client.close();
  }
}
