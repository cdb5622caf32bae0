export type WarehouseErrorCode =
  | "SCHEMA_MISMATCH"
  | "LOAD_FAILED"
  | "MERGE_FAILED"
  | "ROW_INVALID"
  | "READ_ONLY"
  /** Another process holds the warehouse file's lock. */
  | "LOCKED"
  /** The warehouse could not answer now (5xx, rate limit, backend error): the same write may succeed later. */
  | "TRANSIENT"
  /** Rows of the target are still in BigQuery's streaming buffer: the write is postponed, never attempted twice. */
  | "WRITE_POSTPONED"
  /** The request itself is wrong (invalid, not found, quota): retrying cannot help. */
  | "PERMANENT";

/** Codes whose write may succeed if the same input is delivered again later. */
export const RETRYABLE_WAREHOUSE_CODES: ReadonlySet<WarehouseErrorCode> = new Set(["TRANSIENT", "WRITE_POSTPONED"]);

/** A warehouse failure with a code callers branch on (never on message text). */
export class WarehouseError extends Error {
  constructor(
    readonly code: WarehouseErrorCode,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = "WarehouseError";
  }
}
