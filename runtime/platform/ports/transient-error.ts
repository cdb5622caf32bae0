/**
 * An error a later attempt can fix (a 5xx, a rate limit, a backend error). Adapters mark such
 * errors with `transient: true` (or throw this class); a push handler then answers 5xx so
 * Pub/Sub redelivers, and everything else is permanent: recorded, alerted, acknowledged.
 */
export class TransientError extends Error {
  readonly transient = true;
}

export function isTransient(err: unknown): boolean {
  return typeof err === "object" && err !== null && "transient" in err && (err).transient === true;
}

/** The run ledger's error_type for a run that failed transiently (its delivery is retried). */
export const TRANSIENT_ERROR_TYPE = "TRANSIENT";
