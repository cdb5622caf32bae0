import { hostname } from "node:os";
import type { Phase } from "../catalog/types";
import { errorMessage } from "../domain/error-message";
import type { Clock } from "../platform/ports/clock";
import type { DocStore } from "../platform/ports/doc-store";
import {
  HEARTBEATS_COLLECTION,
  heartbeatDocumentSchema,
  heartbeatId,
  type HeartbeatDocument,
  type HeartbeatProgress,
  type HeartbeatStatus,
  type HeartbeatTrigger,
} from "./heartbeat-document";
import { MIN_WRITE_GAP_MS, WRITE_TIMEOUT_MS, type HeartbeatSettings } from "./heartbeat-settings";
import { trackForSignals } from "./heartbeat-signals";
import type { Logger } from "./logger";

/** Heartbeat documents outlive their last write by this long, then the store's TTL removes them. */
const HEARTBEAT_RETENTION_DAYS = 90;

/** What a processor's own code may tell the lifecycle about how far it got. */
export interface ProgressReporter {
  report(stage: string, done?: number, total?: number | null): void;
}

export interface HeartbeatDeps {
  readonly store: DocStore;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly settings: HeartbeatSettings;
}

export interface HeartbeatStart {
  readonly phase: Phase;
  readonly processorName: string;
  readonly scope: string;
  readonly runId: string;
  readonly startedAt: string;
  readonly stallLimitSeconds: number;
  readonly trigger?: HeartbeatTrigger | null;
}

export type TerminalStatus = Exclude<HeartbeatStatus, "running">;

/**
 * The heartbeat of one run, in the one document of its (processor, scope). It writes the first
 * beat once the run has lasted a second (a shorter run writes only its end), then one beat per
 * interval carrying the latest progress, and the terminal state when the run ends however it ends.
 * Writes to one document are at least a second apart. A failed write is logged and counted and
 * the next beat writes the whole state again; it never fails the run.
 */
export class Heartbeat implements ProgressReporter {
  private progress: HeartbeatProgress = { stage: "starting", done: 0, total: null };
  private lastProgressAt: string;
  private lastWriteAt = Number.NEGATIVE_INFINITY;
  private inFlight: Promise<void> | null = null;
  private cancelTimers: (() => void)[] = [];
  private untrack: () => void = () => undefined;
  private ending: Promise<void> | null = null;
  private failures = 0;
  private writesDone = 0;
  readonly id: string;

  private constructor(
    private readonly deps: HeartbeatDeps,
    private readonly run: HeartbeatStart,
  ) {
    this.id = heartbeatId(run.phase, run.processorName, run.scope);
    this.lastProgressAt = run.startedAt;
  }

  static start(deps: HeartbeatDeps, run: HeartbeatStart): Heartbeat {
    const beat = new Heartbeat(deps, run);
    const { timer, intervalSeconds } = deps.settings;
    beat.cancelTimers = [timer.after(MIN_WRITE_GAP_MS, () => beat.beat()), timer.every(intervalSeconds * 1000, () => beat.beat())];
    beat.untrack = trackForSignals((signal) => beat.end("failed", signal));
    return beat;
  }

  /** Failed writes so far (each one logged as `heartbeat_write_failed`). */
  get writeFailures(): number {
    return this.failures;
  }

  get writes(): number {
    return this.writesDone;
  }

  report(stage: string, done = 0, total: number | null = null): void {
    const next: HeartbeatProgress = { stage, done: Math.max(0, Math.trunc(done)), total: total === null ? null : Math.max(0, Math.trunc(total)) };
    if (next.stage === this.progress.stage && next.done === this.progress.done && next.total === this.progress.total) return;
    this.progress = next;
    this.lastProgressAt = this.deps.clock.now().toISOString();
  }

  /** Writes the terminal state once; later calls wait for the first. Never throws. */
  end(status: TerminalStatus, errorType: string | null = null): Promise<void> {
    this.ending ??= (async () => {
      for (const cancel of this.cancelTimers) cancel();
      this.untrack();
      if (this.inFlight) await this.inFlight;
      const wait = this.lastWriteAt + MIN_WRITE_GAP_MS - this.deps.settings.timer.elapsedMs();
      if (wait > 0) await this.deps.settings.timer.sleep(wait);
      await this.write(status, errorType);
    })();
    return this.ending;
  }

  private beat(): Promise<void> {
    if (this.ending || this.inFlight) return Promise.resolve();
    if (this.deps.settings.timer.elapsedMs() - this.lastWriteAt < MIN_WRITE_GAP_MS) return Promise.resolve();
    this.inFlight = this.write("running", null).finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async write(status: HeartbeatStatus, errorType: string | null): Promise<void> {
    const { store, clock, logger, settings } = this.deps;
    this.lastWriteAt = settings.timer.elapsedMs();
    const now = clock.now();
    try {
      const written = await withTimeout(
        store.transaction(async (tx) => {
          const prev = heartbeatDocumentSchema.safeParse(await tx.get(HEARTBEATS_COLLECTION, this.id));
          const previous = prev.success ? prev.data : null;
          if (previous && previous.run_id !== this.run.runId && previous.started_at > this.run.startedAt) return false;
          if (previous && previous.run_id === this.run.runId && previous.status !== "running" && status === "running") return false;
          tx.set(HEARTBEATS_COLLECTION, this.id, { ...this.document(status, errorType, now, previous) });
          return true;
        }),
        settings,
      );
      if (written) this.writesDone++;
    } catch (err) {
      this.failures++;
      logger.warn(
        { event: "heartbeat_write_failed", processor_name: this.run.processorName, scope: this.run.scope, run_id: this.run.runId, status, failures: this.failures, error: errorMessage(err) },
        `heartbeat of ${this.run.processorName} ${this.run.scope} not written (${errorMessage(err)}); the run goes on and the next beat retries`,
      );
    }
  }

  private document(status: HeartbeatStatus, errorType: string | null, now: Date, previous: HeartbeatDocument | null): HeartbeatDocument {
    const same = previous?.run_id === this.run.runId;
    return {
      processor_name: this.run.processorName,
      phase: this.run.phase,
      scope: this.run.scope,
      run_id: this.run.runId,
      status,
      started_at: this.run.startedAt,
      last_beat_at: now.toISOString(),
      progress: this.progress,
      last_progress_at: this.lastProgressAt,
      host: `${hostname()}:${process.pid}`,
      attempt: previous ? (same ? previous.attempt : previous.attempt + 1) : 1,
      interval_seconds: this.deps.settings.intervalSeconds,
      stall_limit_seconds: this.run.stallLimitSeconds,
      republishes: previous && (same || previous.status === "failed") ? previous.republishes : 0,
      trigger: this.run.trigger ?? null,
      finished_at: status === "running" ? null : now.toISOString(),
      error_type: status === "failed" ? (errorType ?? "FAILED") : null,
      expire_at: new Date(now.getTime() + HEARTBEAT_RETENTION_DAYS * 86_400_000),
    };
  }
}

/** A store call that neither answers nor fails within the limit counts as failed. */
function withTimeout<T>(work: Promise<T>, settings: HeartbeatSettings): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const cancel = settings.timer.after(WRITE_TIMEOUT_MS, () => {
      reject(new Error(`no answer from the document store within ${WRITE_TIMEOUT_MS / 1000} s`));
      return Promise.resolve();
    });
    work.then(
      (value) => {
        cancel();
        resolve(value);
      },
      (err: unknown) => {
        cancel();
        reject(err instanceof Error ? err : new Error(errorMessage(err)));
      },
    );
  });
}
