import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Writable } from "node:stream";
import pino from "pino";
import type { AlertMessage } from "../../runtime/alerts/alert-message";
import { AlertRouter } from "../../runtime/alerts/alert-router";
import { loadAlertsConfig, type AlertsConfig } from "../../runtime/alerts/alerts-config";
import { ChannelError, type AlertChannel } from "../../runtime/alerts/channels/alert-channel";
import type { Logger } from "../../runtime/monitoring/logger";
import { FileDocStore } from "../../runtime/platform/local/file-doc-store";
import { SimulatedClock } from "../../runtime/drills/simulated-clock";

/** A channel that keeps what it was sent and fails (transiently) while `down` is set. */
export class RecordingChannel implements AlertChannel {
  readonly sent: AlertMessage[] = [];
  down = false;
  attempts = 0;
  /** Runs before each send; tests use it to look at the outbox at send time. */
  beforeSend: (message: AlertMessage) => Promise<void> = () => Promise.resolve();

  constructor(readonly name = "recorder") {}

  async send(message: AlertMessage): Promise<void> {
    this.attempts += 1;
    await this.beforeSend(message);
    if (this.down) throw new ChannelError(this.name, "HTTP 500 (channel down)", true);
    this.sent.push(message);
  }
}

/** Structured log lines captured in memory. */
export function capturingLogger(): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) } as unknown as Writable;
  return { logger: pino({ level: "info" }, stream), lines };
}

/** A temp dir on a memory-backed filesystem when there is one: limiter tests write once per alert. */
export function fastTempDir(prefix: string): string {
  return mkdtempSync(join(existsSync("/dev/shm") ? "/dev/shm" : tmpdir(), `nba-props-${prefix}-`));
}

export interface TestRouter {
  readonly router: AlertRouter;
  readonly docStore: FileDocStore;
}

/** The real router on a file-backed DocStore, routing everything to `channel`, with the real limits. */
export function openTestRouter(dir: string, clock: SimulatedClock, channel: AlertChannel, logger: Logger, limits?: AlertsConfig["limits"]): TestRouter {
  const docStore = new FileDocStore(join(dir, "docstore"));
  const router = new AlertRouter({
    docStore,
    clock,
    logger,
    routes: [{ channels: [channel.name] }],
    channels: new Map([[channel.name, channel]]),
    limits: limits ?? loadAlertsConfig().limits,
    retry: { max_attempts: 3, initial_delay_ms: 0, max_delay_ms: 1 },
  });
  return { router, docStore };
}
