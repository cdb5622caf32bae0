export type WarehouseErrorCode = "SCHEMA_MISMATCH" | "LOAD_FAILED" | "MERGE_FAILED" | "ROLLBACK_FAILED" | "ROW_INVALID" | "READ_ONLY" | "LOCKED";

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
