import { DEAD_LETTER_SUFFIX } from "../../catalog/topics";
import type { Platform } from "../../platform/platform";
import type { PushHandler } from "../push-result";

export interface DeadLetteredMessage {
  readonly topic: string;
  readonly subscription: string;
  readonly attempts: number;
  readonly messageId: string;
  readonly body: unknown;
}

/**
 * One alert per dead-lettered message, through the platform's notifier. The alerting issue
 * replaces this function with a rate-limited one of the same signature.
 */
export async function raiseDeadLetterAlert(platform: Platform, message: DeadLetteredMessage): Promise<void> {
  const preview = JSON.stringify(message.body) ?? "";
  await platform.notifier.notify({
    severity: "error",
    title: `message dead-lettered on ${message.topic}`,
    message: `${message.subscription} gave up after ${message.attempts} delivery attempts; body: ${preview.length > 500 ? `${preview.slice(0, 500)}...` : preview}`,
    context: { topic: message.topic, subscription: message.subscription, attempts: message.attempts, message_id: message.messageId },
  });
}

/** Pub/Sub names the original subscription and its delivery count in the dead letter's attributes. */
const SOURCE_SUBSCRIPTION = "CloudPubSubDeadLetterSourceSubscription";
const SOURCE_DELIVERY_COUNT = "CloudPubSubDeadLetterSourceDeliveryCount";

/** The push handler of every `<topic>-dlq--alert-dispatcher` subscription. */
export const alertDispatcherHandler: PushHandler = async (platform, delivery) => {
  const dlqTopic = delivery.subscription.split("--")[0] ?? delivery.subscription;
  const topic = dlqTopic.endsWith(DEAD_LETTER_SUFFIX) ? dlqTopic.slice(0, -DEAD_LETTER_SUFFIX.length) : dlqTopic;
  const attempts = Number(delivery.attributes[SOURCE_DELIVERY_COUNT] ?? NaN);
  await raiseDeadLetterAlert(platform, {
    topic,
    subscription: delivery.attributes[SOURCE_SUBSCRIPTION] ?? delivery.subscription,
    attempts: Number.isInteger(attempts) && attempts > 0 ? attempts : 0,
    messageId: delivery.messageId,
    body: delivery.body,
  });
  return { kind: "done", runs: [] };
};
