import { join } from "node:path";
import type { AlertRouter } from "../alerts/alert-router";
import { loadAlertsConfig, type AlertsConfig } from "../alerts/alerts-config";
import { openAlertRouter } from "../alerts/open-alert-router";
import { catalog } from "../catalog/catalog";
import { fileLogger } from "../monitoring/logger";
import { FileDocStore } from "../platform/local/file-doc-store";
import { InProcessBus } from "../platform/local/in-process-bus";
import type { Notification } from "../platform/ports/notifier";
import { startLoopbackWebhook, type LoopbackWebhook } from "./loopback-webhook";
import { SimulatedClock } from "./simulated-clock";

export const DRILL_START = "2025-03-16T02:00:00.000Z";
export const HOUR_MS = 3_600_000;

/** What every alert drill prints besides its verdict. */
export interface AlertDrillFigures {
  /** Alerts the drill raised. */
  readonly raised: number;
  /** Messages the channel accepted (HTTP 200), summaries included. */
  readonly delivered: number;
  readonly summaries: number;
  /** The repeat count each accepted summary states in its text. */
  readonly summary_counts: readonly number[];
  /** Alerts sitting in the dead letter now. */
  readonly dead_lettered: number;
  /** Raised alerts neither covered by an accepted message, nor dead-lettered, nor pending. */
  readonly lost: number;
  /** Accepted messages the channel had already accepted before (a resend). */
  readonly duplicates: number;
  readonly books_balanced: boolean;
}

/**
 * The embedded adapters an alert drill runs on: a file-backed DocStore in the drill's work dir,
 * the real alert router built from configs/alerts.yaml (its limits), and its Slack channel
 * posting to a loopback webhook. `restart()` throws the router and the store away and opens
 * them again on the same files, like a new process after a scale-to-zero.
 */
export class AlertDrillHarness {
  readonly clock = new SimulatedClock(DRILL_START);
  private current: AlertRouter;
  private readonly config: AlertsConfig;

  private constructor(
    private readonly workDir: string,
    readonly webhook: LoopbackWebhook,
  ) {
    const loaded = loadAlertsConfig();
    // The real limits; a fast retry so an hour of outage does not take an hour of backoff.
    this.config = { ...loaded, retry: { max_attempts: 3, initial_delay_ms: 1, max_delay_ms: 4 }, profiles: { drill: { routes: [{ channels: ["slack"] }] } } };
    this.current = this.open();
  }

  static async start(workDir: string): Promise<AlertDrillHarness> {
    return new AlertDrillHarness(workDir, await startLoopbackWebhook());
  }

  private open(): AlertRouter {
    return openAlertRouter({
      docStore: new FileDocStore(join(this.workDir, "docstore")),
      clock: this.clock,
      logger: fileLogger(join(this.workDir, "nba-props.log")),
      bus: new InProcessBus({ topics: catalog.topics, backoffScale: 0 }),
      config: this.config,
      profile: "drill",
      env: { SLACK_WEBHOOK_URL: this.webhook.url },
    });
  }

  get router(): AlertRouter {
    return this.current;
  }

  restart(): void {
    this.current = this.open();
  }

  /** The same failure each time: one processor, one scope, one category. */
  raiseFailure(i: number, scope = "2025-03-15"): Promise<void> {
    const notification: Notification = {
      severity: "error",
      title: `nbac_player_boxscore failed for ${scope}`,
      message: `HTTP 503 from the source (failure ${i + 1})`,
      context: { processor: "nbac_player_boxscore", scope, run_id: `run-${i + 1}` },
      source: "nbac_player_boxscore",
      category: "run_failed",
      scope,
    };
    return this.current.notify(notification);
  }

  /** Counts from the channel's side (what the webhook accepted) checked against the outbox. */
  async measure(raised: number): Promise<AlertDrillFigures> {
    const accepted = this.webhook.requests.filter((r) => r.status === 200).map((r) => alertIdOf(r.body));
    const unique = new Set(accepted);
    const records = new Map((await this.current.records()).map((r) => [r.message.id, r]));
    let covered = 0;
    let summaries = 0;
    for (const id of unique) {
      const record = id ? records.get(id) : undefined;
      covered += record?.message.count ?? 0;
      if (record?.message.kind === "summary") summaries += 1;
    }
    const books = await this.current.books();
    const summaryCounts = this.webhook.requests
      .filter((r) => r.status === 200)
      .map((r) => /repeats: (\d+)/.exec(textOf(r.body))?.[1])
      .filter((n): n is string => n !== undefined)
      .map(Number);
    return {
      raised,
      delivered: accepted.length,
      summaries,
      summary_counts: summaryCounts,
      dead_lettered: books.dead_lettered,
      lost: raised - covered - books.dead_lettered - books.pending,
      duplicates: accepted.length - unique.size,
      books_balanced: books.balanced && books.raised === raised,
    };
  }

  close(): Promise<void> {
    return this.webhook.close();
  }
}

function textOf(body: unknown): string {
  return typeof body === "object" && body !== null && "text" in body ? String((body).text) : "";
}

function alertIdOf(body: unknown): string | null {
  return /alert_id: (\S+)/.exec(textOf(body))?.[1] ?? null;
}
