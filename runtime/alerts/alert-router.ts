import { ExponentialBackoff, handleWhen, retry } from "cockatiel";
import { LOG_EVENTS } from "../catalog/monitoring";
import type { Logger } from "../monitoring/logger";
import type { Clock } from "../platform/ports/clock";
import type { DocStore } from "../platform/ports/doc-store";
import type { Notification, Notifier } from "../platform/ports/notifier";
import { alertBooks, type AlertBooks } from "./alert-books";
import { outboxDeadLetter, type AlertDeadLetter } from "./alert-dead-letter";
import { alertKeyId, toAlertEvent } from "./alert-event";
import type { AlertMessage } from "./alert-message";
import { limitsFor, type AlertsConfig, type RetryConfig, type RouteConfig } from "./alerts-config";
import { isTransientChannelError, type AlertChannel } from "./channels/alert-channel";
import { limiterStateSchema, type LimiterState } from "./limiter-state";
import { newOutboxRecord, outboxRecordSchema, overallStatus, type OutboxRecord, type OutboxStatus } from "./outbox-record";
import { planFlush, planRaise, stateSeverity, type AlertPlan } from "./plan-alerts";
import { routeAlert } from "./route-alert";

export const ALERT_STATE_COLLECTION = "alert_state";
export const ALERT_OUTBOX_COLLECTION = "alert_outbox";

export interface AlertRouterOptions {
  readonly docStore: DocStore;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly routes: readonly RouteConfig[];
  readonly channels: ReadonlyMap<string, AlertChannel>;
  readonly limits: AlertsConfig["limits"];
  readonly retry: RetryConfig;
  readonly deadLetter?: AlertDeadLetter;
  /** A record still pending this long after it was written was orphaned by a crash mid-send; flushDue resends it. */
  readonly orphanAfterMs?: number;
}

export interface FlushReport {
  readonly summaries: number;
  readonly resent: number;
}

export interface ReplayReport {
  readonly replayed: number;
  readonly delivered: number;
  readonly dead_lettered: number;
  readonly alerts: readonly { readonly id: string; readonly status: OutboxStatus; readonly count: number }[];
}

/**
 * The platform's notifier: every alert is planned by the persisted limiter, recorded in the
 * outbox in the same transaction, then sent to its routed channels with retry and backoff;
 * a channel that still fails dead-letters the record (never dropped) for `alerts replay`.
 */
export class AlertRouter implements Notifier {
  private readonly deadLetter: AlertDeadLetter;
  private readonly orphanAfterMs: number;

  constructor(private readonly options: AlertRouterOptions) {
    this.deadLetter = options.deadLetter ?? outboxDeadLetter;
    this.orphanAfterMs = options.orphanAfterMs ?? 10 * 60_000;
    for (const route of options.routes) {
      for (const name of route.channels) if (!options.channels.has(name)) throw new Error(`alert route names channel "${name}", which is not configured`);
    }
  }

  async notify(notification: Notification): Promise<void> {
    const event = toAlertEvent(notification);
    const keyId = alertKeyId(event);
    const now = this.options.clock.now().getTime();
    const records = await this.commit(keyId, (state) => planRaise(state, event, keyId, now, limitsFor(this.options.limits, event.severity)), now);
    for (const record of records) await this.deliver(record);
    await this.flushDue();
  }

  /** Sends the summaries that are due (window over) and resends records orphaned mid-send. */
  async flushDue(): Promise<FlushReport> {
    const now = this.options.clock.now().getTime();
    const due = await this.options.docStore.query(ALERT_STATE_COLLECTION, [{ field: "flush_at_ms", op: "<=", value: now }]);
    let summaries = 0;
    for (const { id } of due) {
      const records = await this.commit(id, (state) => (state ? planFlush(state, id, now, limitsFor(this.options.limits, stateSeverity(state))) : null), now);
      for (const record of records) await this.deliver(record);
      summaries += records.length;
    }
    const orphans = (await this.records("pending")).filter((r) => r.created_ms <= now - this.orphanAfterMs);
    for (const record of orphans) await this.deliver(record);
    return { summaries, resent: orphans.length };
  }

  /** Resends every dead-lettered record to the channels that failed it. */
  async replay(): Promise<ReplayReport> {
    const dead = await this.records("dead_lettered");
    const alerts: ReplayReport["alerts"][number][] = [];
    for (const record of dead) {
      const channels = Object.fromEntries(
        Object.entries(record.channels).map(([name, c]) => [name, c.status === "dead_lettered" ? { ...c, status: "pending" as const } : c]),
      );
      const result = await this.deliver({ ...record, channels, status: "pending", replays: record.replays + 1 });
      alerts.push({ id: result.message.id, status: result.status, count: result.message.count });
    }
    return {
      replayed: dead.length,
      delivered: alerts.filter((a) => a.status === "delivered").length,
      dead_lettered: alerts.filter((a) => a.status === "dead_lettered").length,
      alerts,
    };
  }

  /** Outbox records, oldest first, optionally of one status. */
  async records(status?: OutboxStatus): Promise<OutboxRecord[]> {
    const docs = await this.options.docStore.query(ALERT_OUTBOX_COLLECTION, status ? [{ field: "status", op: "==", value: status }] : []);
    return docs.map((d) => outboxRecordSchema.parse(d.data)).sort((a, b) => a.created_ms - b.created_ms || a.message.id.localeCompare(b.message.id));
  }

  async books(): Promise<AlertBooks> {
    const states = await this.options.docStore.query(ALERT_STATE_COLLECTION, []);
    return alertBooks(
      states.map((s) => limiterStateSchema.parse(s.data)),
      await this.records(),
    );
  }

  /** Plans against the stored state and records the new state and the messages in one transaction. */
  private commit(keyId: string, plan: (state: LimiterState | null) => AlertPlan | null, now: number): Promise<OutboxRecord[]> {
    return this.options.docStore.transaction(async (tx) => {
      const raw = await tx.get(ALERT_STATE_COLLECTION, keyId);
      const result = plan(raw ? limiterStateSchema.parse(raw) : null);
      if (!result) return [];
      // expire_at as a Date (a Firestore Timestamp), or the collection's TTL policy never deletes anything.
      tx.set(ALERT_STATE_COLLECTION, keyId, { ...result.state, expire_at: new Date(result.state.expire_at) });
      const records = result.messages.map((m) => newOutboxRecord(m, keyId, routeAlert(this.options.routes, m.severity, m.category), now));
      for (const record of records) tx.set(ALERT_OUTBOX_COLLECTION, record.message.id, record);
      return records;
    });
  }

  /** The thin send step: each pending channel with retry and backoff; the record is updated after. */
  private async deliver(record: OutboxRecord): Promise<OutboxRecord> {
    const channels = { ...record.channels };
    for (const [name, state] of Object.entries(channels)) {
      if (state.status !== "pending") continue;
      const channel = this.options.channels.get(name);
      let attempts = state.attempts;
      try {
        if (!channel) throw new Error(`channel "${name}" is not configured in this process`);
        await this.sendPolicy().execute(() => {
          attempts += 1;
          return channel.send(record.message);
        });
        channels[name] = { status: "delivered", attempts, last_error: null, delivered_at: this.options.clock.now().toISOString() };
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        channels[name] = { status: "dead_lettered", attempts, last_error: reason.slice(0, 1000), delivered_at: null };
        this.logDeadLettered(record.message, name, attempts, reason);
        await this.publishDeadLetter(record, name, reason);
      }
    }
    const updated: OutboxRecord = { ...record, channels, status: overallStatus(channels), updated_at: this.options.clock.now().toISOString() };
    await this.options.docStore.set(ALERT_OUTBOX_COLLECTION, record.message.id, updated);
    return updated;
  }

  /** The outbox record is the durable dead letter; a failed extra publish is logged, not fatal. */
  private async publishDeadLetter(record: OutboxRecord, channel: string, reason: string): Promise<void> {
    try {
      await this.deadLetter.put(record, channel, reason);
    } catch (err) {
      this.options.logger.error({ event: "alert_dead_letter_publish_failed", alert_id: record.message.id, channel, error: err instanceof Error ? err.message : String(err) }, `alert ${record.message.id}: publishing the dead letter failed; it stays in the outbox`);
    }
  }

  private sendPolicy() {
    const { max_attempts, initial_delay_ms, max_delay_ms } = this.options.retry;
    return retry(handleWhen(isTransientChannelError), {
      maxAttempts: max_attempts - 1,
      backoff: new ExponentialBackoff({ initialDelay: initial_delay_ms, maxDelay: Math.max(initial_delay_ms, max_delay_ms) }),
    });
  }

  private logDeadLettered(m: AlertMessage, channel: string, attempts: number, reason: string): void {
    this.options.logger.error(
      { event: LOG_EVENTS.alertDeadLettered, channel, alert_id: m.id, alert_kind: m.kind, count: m.count, source: m.source, category: m.category, scope: m.scope, attempts, reason },
      `alert ${m.id} dead-lettered on ${channel} after ${attempts} attempts`,
    );
  }
}
