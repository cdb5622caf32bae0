import { z } from "zod";
import { alertMessageSchema } from "./alert-message";

export const OUTBOX_STATUSES = ["pending", "delivered", "dead_lettered"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

const channelDeliverySchema = z.strictObject({
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int().nonnegative(),
  last_error: z.string().nullable(),
  delivered_at: z.string().nullable(),
});

/**
 * One document per message in `alert_outbox`, written in the same transaction as the limiter
 * state that decided it, before anything is sent. Dead-lettered records are the local alert
 * dead letter: `nba-props alerts replay` resends their failed channels.
 */
export const outboxRecordSchema = z.strictObject({
  message: alertMessageSchema,
  key_id: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  channels: z.record(z.string(), channelDeliverySchema),
  created_ms: z.number(),
  updated_at: z.string(),
  replays: z.number().int().nonnegative(),
});

export type OutboxRecord = z.infer<typeof outboxRecordSchema>;
export type ChannelDelivery = z.infer<typeof channelDeliverySchema>;

/** A message's status from its channels: dead-lettered if any channel gave up, delivered when all did. */
export function overallStatus(channels: Readonly<Record<string, ChannelDelivery>>): OutboxStatus {
  const statuses = Object.values(channels).map((c) => c.status);
  if (statuses.includes("pending")) return "pending";
  if (statuses.includes("dead_lettered")) return "dead_lettered";
  return "delivered";
}

export function newOutboxRecord(message: z.infer<typeof alertMessageSchema>, keyId: string, channelNames: readonly string[], now: number): OutboxRecord {
  const channels: Record<string, ChannelDelivery> = {};
  for (const name of channelNames) channels[name] = { status: "pending", attempts: 0, last_error: null, delivered_at: null };
  return { message, key_id: keyId, status: "pending", channels, created_ms: now, updated_at: new Date(now).toISOString(), replays: 0 };
}
