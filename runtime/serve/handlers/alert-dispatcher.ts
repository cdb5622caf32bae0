import { DEAD_LETTER_SUFFIX } from "../../catalog/topics";
import { raiseDeadLetterAlert } from "../../alerts/dead-letter-alert";
import type { PushHandler } from "../push-result";

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
