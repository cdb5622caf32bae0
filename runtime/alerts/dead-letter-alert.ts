import { z } from "zod";
import { LOG_EVENTS } from "../catalog/monitoring";
import { deadLetterTopicName } from "../catalog/topics";
import type { TopicSpec } from "../catalog/types";
import type { Logger } from "../monitoring/logger";
import { completionMessageSchema } from "../messages/completion-message";
import type { Bus, Delivery, HandlerOutcome } from "../platform/ports/bus";
import type { Notifier } from "../platform/ports/notifier";

/** One dead-lettered message as the alert dispatcher receives it. */
export interface DeadLetterPush {
  /** The topic the message was published to (not its -dlq topic). */
  readonly topic: string;
  /** The subscription that gave up on it. */
  readonly subscription: string;
  readonly attempts: number;
  readonly messageId: string;
  readonly body: unknown;
}

/** Processor and scope of a completion message; null for anything else. */
function completionOf(body: unknown): { processor: string; scope: string } | null {
  const parsed = completionMessageSchema.safeParse(body);
  if (!parsed.success) return null;
  const scopeKey = parsed.data.metadata?.scope_key;
  return { processor: parsed.data.processor_name, scope: typeof scopeKey === "string" ? scopeKey : parsed.data.game_date };
}

/**
 * Raises one alert for a dead-lettered message through the limiter: the key is the subscription,
 * so a burst of dead letters is one first message and one summary with the count, not a flood.
 * Logs `alert_dead_lettered`, which the stacks' dead-lettered-alerts policy counts.
 */
export async function raiseDeadLetterAlert(platform: { readonly notifier: Notifier; readonly logger: Logger }, push: DeadLetterPush): Promise<void> {
  const completion = completionOf(push.body);
  const what = completion ? `${completion.processor} for ${completion.scope}` : "a message that is not a completion message";
  // What the log line (counted by the alert policy) and the alert both say about the message.
  const deadLetter = {
    topic: push.topic,
    subscription: push.subscription,
    attempts: push.attempts,
    message_id: push.messageId,
    processor: completion?.processor ?? null,
    scope: completion?.scope ?? null,
  };
  platform.logger.error(
    { event: LOG_EVENTS.alertDeadLettered, channel: "pubsub-dead-letter", ...deadLetter },
    `message ${push.messageId} dead-lettered on ${push.subscription} after ${push.attempts} attempts`,
  );
  await platform.notifier.notify({
    severity: "error",
    title: `messages dead-lettered on ${push.subscription}`,
    message: `${what}: ${push.subscription} gave up after ${push.attempts} delivery attempts (message ${push.messageId} on ${push.topic}).`,
    context: deadLetter,
    source: "alert-dispatcher",
    category: "message_dead_lettered",
    scope: push.subscription,
  });
}

/** The in-process bus wraps a dead letter as `{ dead_letter: { topic, subscription, attempts, ... } }`. */
const localDeadLetterSchema = z.object({
  dead_letter: z.object({ topic: z.string(), subscription: z.string(), messageId: z.string(), attempts: z.number().int(), body: z.unknown() }),
});

/**
 * A handler for the local bus's dead-letter subscriptions (`<topic>-dlq--alert-dispatcher`).
 * It always acknowledges: the alert is the outcome, and retrying a dead letter helps nobody.
 */
export function deadLetterAlertHandler(platform: { readonly notifier: Notifier; readonly logger: Logger }): (delivery: Delivery) => Promise<HandlerOutcome> {
  return async (delivery) => {
    const local = localDeadLetterSchema.safeParse(delivery.body);
    const push: DeadLetterPush = local.success
      ? { ...local.data.dead_letter }
      : { topic: delivery.topic, subscription: delivery.subscription, attempts: delivery.attempt, messageId: delivery.messageId, body: delivery.body };
    await raiseDeadLetterAlert(platform, push);
    return { kind: "ack" };
  };
}

/** Locally the alert dispatcher's role: every dead-letter subscription it consumes raises alerts. */
export function subscribeDeadLetterAlerts(platform: { readonly bus: Bus; readonly notifier: Notifier; readonly logger: Logger }, topics: readonly TopicSpec[]): void {
  for (const topic of topics) {
    if (topic.deadLetterConsumer !== "alert-dispatcher") continue;
    platform.bus.subscribe(`${deadLetterTopicName(topic.name)}--${topic.deadLetterConsumer}`, deadLetterAlertHandler(platform));
  }
}
