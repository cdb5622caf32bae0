import {
  DelegateBackoff,
  ExponentialBackoff,
  TimeoutStrategy,
  decorrelatedJitterGenerator,
  fullJitterGenerator,
  handleWhen,
  isBrokenCircuitError,
  noJitterGenerator,
  retry,
  timeout,
  type IBackoff,
  type IRetryBackoffContext,
} from "cockatiel";
import { ScrapeError } from "../base/scrape-error";
import type { ScraperCallConfig } from "../config/scrapers-config";
import { HttpStatusError } from "./http-status-error";
import type { SourceGuard } from "./source-guards";

const GENERATORS = { decorrelated: decorrelatedJitterGenerator, full: fullJitterGenerator, none: noJitterGenerator } as const;

/** Whether another attempt can help: never for a no-retry status, an open breaker, a bad payload or a Retry-After beyond the cap. */
export function shouldRetry(call: ScraperCallConfig, err: unknown): boolean {
  if (isBrokenCircuitError(err) || err instanceof ScrapeError) return false;
  if (err instanceof HttpStatusError) {
    if (err.status < 400 || call.no_retry_status_codes.includes(err.status)) return false;
    return err.retryAfterMs === undefined || err.retryAfterMs <= call.max_retry_after_ms;
  }
  return true;
}

/** Exponential backoff with the configured jitter, except that a Retry-After the source sent is what we wait. */
function backoffFor(call: ScraperCallConfig): DelegateBackoff<IRetryBackoffContext<unknown>, IBackoff<unknown> | undefined> {
  const exponential = new ExponentialBackoff({
    initialDelay: call.backoff.initial_ms,
    maxDelay: call.backoff.max_ms,
    // The generators differ only in their private state type.
    generator: GENERATORS[call.backoff.jitter] as typeof noJitterGenerator,
  });
  return new DelegateBackoff((context, previous) => {
    const step = previous ? previous.next(undefined) : exponential.next();
    const error = "error" in context.result ? context.result.error : undefined;
    const retryAfter = error instanceof HttpStatusError ? error.retryAfterMs : undefined;
    return { delay: retryAfter ?? step.duration, state: step };
  });
}

export interface CallOutcome<T> {
  readonly value: T;
  readonly attempts: number;
}

/** The failure of the last attempt, and how many attempts were made. */
export class CallFailure extends Error {
  constructor(
    readonly error: unknown,
    readonly attempts: number,
  ) {
    super("call failed");
    this.name = "CallFailure";
  }
}

/**
 * The one resilience layer of a scraper call, composed from cockatiel: retry (bounded attempts,
 * exponential backoff with jitter, Retry-After honoured, no-retry codes answered once) around the
 * source's circuit breaker, its rate gate, and a per-attempt timeout that aborts the request.
 */
export async function callWithPolicy<T>(call: ScraperCallConfig, guard: SourceGuard, attempt: (signal: AbortSignal) => Promise<T>): Promise<CallOutcome<T>> {
  const retries = retry(handleWhen((err) => shouldRetry(call, err)), { maxAttempts: call.attempts - 1, backoff: backoffFor(call) });
  const perAttempt = timeout(call.timeout_ms, TimeoutStrategy.Aggressive);
  let attempts = 0;
  try {
    const value = await retries.execute(() =>
      guard.breaker.execute(async () => {
        attempts += 1;
        await guard.gate.acquire();
        return perAttempt.execute(({ signal }) => attempt(signal));
      }),
    );
    return { value, attempts };
  } catch (err) {
    throw new CallFailure(err, attempts);
  }
}
