import { ExponentialBackoff, TaskCancelledError, TimeoutStrategy, handleAll, retry, timeout, wrap } from "cockatiel";
import { errorMessage } from "../domain/error-message";
import { scheduleDay, type ScheduleDay } from "../processors/base/empty-reason";
import type { Warehouse } from "../platform/ports/warehouse";
import { OrchestrationError } from "./orchestration-error";

/** Where the games of an ET date come from. The signal aborts the call: honour it. */
export interface ScheduleSource {
  gamesOn(gameDate: string, signal: AbortSignal): Promise<ScheduleDay>;
}

export interface ScheduleLookupPolicy {
  /** The hard limit of one lookup, retries included (RELIABILITY row 11). */
  readonly timeoutMs: number;
  /** Each attempt is aborted after this long. */
  readonly attemptTimeoutMs: number;
  /** Attempts in all (first call plus retries). */
  readonly maxAttempts: number;
  readonly initialBackoffMs: number;
}

export const DEFAULT_SCHEDULE_LOOKUP_POLICY: ScheduleLookupPolicy = { timeoutMs: 30_000, attemptTimeoutMs: 10_000, maxAttempts: 3, initialBackoffMs: 500 };

/** Looks up a date's games; fails with SCHEDULE_LOOKUP_FAILED, never with an empty day. */
export type ScheduleLookup = (gameDate: string) => Promise<ScheduleDay>;

/** Rejects as soon as the signal aborts, for sources whose client cannot cancel a call in flight. */
function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new Error("aborted"));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new Error("aborted"));
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (value) => (signal.removeEventListener("abort", onAbort), resolve(value)),
      (err: unknown) => (signal.removeEventListener("abort", onAbort), reject(err instanceof Error ? err : new Error(errorMessage(err)))),
    );
  });
}

/** The schedule as the warehouse holds it (nba_raw.nbac_schedule). */
export function warehouseScheduleSource(warehouse: Warehouse): ScheduleSource {
  return { gamesOn: (gameDate, signal) => abortable(scheduleDay(warehouse, gameDate), signal) };
}

/**
 * Wraps a source in one resilience layer (cockatiel): an attempt timeout that aborts, bounded
 * retries with exponential backoff, and an overall timeout that aborts whatever is still running.
 * Whatever goes wrong, the caller gets an error, never "no games".
 */
export function resilientScheduleLookup(source: ScheduleSource, policy: ScheduleLookupPolicy = DEFAULT_SCHEDULE_LOOKUP_POLICY): ScheduleLookup {
  const overall = timeout(policy.timeoutMs, TimeoutStrategy.Aggressive);
  const retries = retry(handleAll, {
    maxAttempts: Math.max(0, policy.maxAttempts - 1),
    backoff: new ExponentialBackoff({ initialDelay: policy.initialBackoffMs, maxDelay: policy.timeoutMs }),
  });
  const perAttempt = timeout(policy.attemptTimeoutMs, TimeoutStrategy.Aggressive);
  const policies = wrap(overall, retries, perAttempt);
  return async (gameDate) => {
    try {
      return await policies.execute(({ signal }) => source.gamesOn(gameDate, signal));
    } catch (err) {
      const why = err instanceof TaskCancelledError ? `no answer within ${policy.timeoutMs} ms (aborted)` : errorMessage(err);
      throw new OrchestrationError("SCHEDULE_LOOKUP_FAILED", `schedule lookup for ${gameDate} failed: ${why}`, { cause: err });
    }
  };
}
