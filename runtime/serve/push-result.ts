import type { RunRecord } from "../monitoring/run-record";
import type { Platform } from "../platform/platform";
import type { Delivery } from "../platform/ports/bus";
import { shouldRedeliver } from "../processors/base/redelivery";

/**
 * What a push handler made of a delivery. `done`: handled, including runs that failed
 * permanently (the run ledger and its alert already record them). `rejected`: the message
 * itself is unusable; the server records the reason and alerts once. `transient`: answer 5xx
 * so Pub/Sub redelivers (and dead-letters after the subscription's attempts).
 */
export type PushResult =
  | { readonly kind: "done"; readonly runs: readonly RunSummary[] }
  | { readonly kind: "rejected"; readonly reason: string }
  | { readonly kind: "transient"; readonly reason: string };

export interface RunSummary {
  readonly processor: string;
  readonly scope: string;
  readonly status: string;
  readonly rows_written: number;
  readonly error_message?: string;
}

/** A pushed delivery: the bus's delivery plus the Pub/Sub attributes (dead-letter deliveries carry their source there). */
export interface PushDelivery extends Delivery {
  readonly attributes: Readonly<Record<string, string>>;
}

export type PushHandler = (platform: Platform, delivery: PushDelivery) => Promise<PushResult>;

export function summarizeRun(run: RunRecord): RunSummary {
  return {
    processor: run.processor_name,
    scope: run.scope,
    status: run.status,
    rows_written: run.rows_written,
    ...(run.error_message ? { error_message: run.error_message } : {}),
  };
}

/** Runs that failed transiently (or whose write was postponed) make the whole delivery transient: the retry reruns them. */
export function resultOfRuns(runs: readonly RunRecord[]): PushResult {
  const transient = runs.find(shouldRedeliver);
  if (transient) return { kind: "transient", reason: `${transient.processor_name} ${transient.scope}: ${transient.error_message ?? "transient failure"}` };
  return { kind: "done", runs: runs.map(summarizeRun) };
}
