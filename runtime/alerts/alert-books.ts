import type { LimiterState } from "./limiter-state";
import type { OutboxRecord } from "./outbox-record";

/**
 * Where every raised alert is: sent as itself, folded into a delivered summary, dead-lettered,
 * or still pending (in an unsent message or folded into a summary not yet due).
 * The books balance when raised = delivered + folded + dead_lettered + pending.
 */
export interface AlertBooks {
  readonly raised: number;
  readonly delivered: number;
  readonly folded: number;
  readonly dead_lettered: number;
  readonly pending: number;
  readonly balanced: boolean;
}

export function alertBooks(states: readonly LimiterState[], records: readonly OutboxRecord[]): AlertBooks {
  const sum = (rs: readonly OutboxRecord[]): number => rs.reduce((n, r) => n + r.message.count, 0);
  const raised = states.reduce((n, s) => n + s.raised_total, 0);
  const delivered = sum(records.filter((r) => r.status === "delivered" && r.message.kind === "first"));
  const folded = sum(records.filter((r) => r.status === "delivered" && r.message.kind === "summary"));
  const deadLettered = sum(records.filter((r) => r.status === "dead_lettered"));
  const pending = sum(records.filter((r) => r.status === "pending")) + states.reduce((n, s) => n + s.pending_count, 0);
  return { raised, delivered, folded, dead_lettered: deadLettered, pending, balanced: raised === delivered + folded + deadLettered + pending };
}
