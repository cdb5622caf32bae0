import type { Bus } from "../platform/ports/bus";
import type { OutboxRecord } from "./outbox-record";

/**
 * Where an alert goes after its retries are spent, besides its outbox record (status
 * dead_lettered), which is the persisted queue `nba-props alerts list/replay` reads everywhere.
 */
export interface AlertDeadLetter {
  put(record: OutboxRecord, channel: string, reason: string): Promise<void>;
}

/** Locally the outbox record is the whole dead letter. */
export const outboxDeadLetter: AlertDeadLetter = { put: () => Promise.resolve() };

/** On GCP a dead-lettered alert is also published to the alert dead-letter topic through the Bus. */
export function busDeadLetter(bus: Bus, topic: string): AlertDeadLetter {
  return {
    put: async (record, channel, reason) => {
      await bus.publish(topic, { alert_dead_letter: { channel, reason, message: record.message } });
    },
  };
}
