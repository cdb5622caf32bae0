import { z } from "zod";
import type { MessageHandler } from "../platform/ports/bus";
import type { Notifier } from "../platform/ports/notifier";

const deadLetterBody = z.looseObject({
  dead_letter: z.looseObject({
    topic: z.string(),
    subscription: z.string(),
    messageId: z.string(),
    attempts: z.number(),
    reason: z.string(),
  }),
});

/**
 * The local stand-in for the alert dispatcher's dead-letter subscriptions: one alert per
 * dead-lettered message, naming the subscription, the attempts and the last reason.
 */
export function deadLetterAlertHandler(notifier: Notifier): MessageHandler {
  return async (delivery) => {
    const parsed = deadLetterBody.safeParse(delivery.body);
    const dead = parsed.success ? parsed.data.dead_letter : null;
    await notifier.notify({
      severity: "error",
      title: dead ? `message dead-lettered on ${dead.subscription}` : `unreadable message on ${delivery.subscription}`,
      message: dead ? `${dead.attempts} deliveries failed; last reason: ${dead.reason}` : "the dead-letter body did not match the expected shape",
      context: { subscription: dead?.subscription ?? delivery.subscription, message_id: dead?.messageId ?? delivery.messageId, attempts: dead?.attempts ?? null },
    });
    return { kind: "ack" };
  };
}
