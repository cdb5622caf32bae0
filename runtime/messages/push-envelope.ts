import { z } from "zod";

/**
 * The body Pub/Sub POSTs to a push endpoint (wrapped, not unwrapped, delivery). `data` is the
 * published message, base64; `deliveryAttempt` is present once a dead-letter policy is set.
 */
export const pushEnvelopeSchema = z.object({
  message: z.object({
    data: z.base64(),
    attributes: z.record(z.string(), z.string()).optional(),
    messageId: z.string().min(1),
    message_id: z.string().optional(),
    publishTime: z.string().optional(),
    publish_time: z.string().optional(),
  }),
  subscription: z.string().min(1),
  deliveryAttempt: z.number().int().positive().optional(),
});

export type PushEnvelope = z.infer<typeof pushEnvelopeSchema>;

/** The short subscription name out of `projects/<p>/subscriptions/<name>`. */
export function subscriptionName(full: string): string {
  return full.slice(full.lastIndexOf("/") + 1);
}

/** Builds the envelope Pub/Sub would push for a JSON message (tests, drills and local replays). */
export function buildPushEnvelope(body: unknown, options: { readonly messageId: string; readonly subscription: string; readonly deliveryAttempt?: number; readonly attributes?: Readonly<Record<string, string>> }): PushEnvelope {
  return {
    message: {
      data: Buffer.from(JSON.stringify(body), "utf8").toString("base64"),
      attributes: { ...(options.attributes ?? {}) },
      messageId: options.messageId,
    },
    subscription: options.subscription,
    ...(options.deliveryAttempt === undefined ? {} : { deliveryAttempt: options.deliveryAttempt }),
  };
}
