export type ProcessorErrorCode =
  | "QUARANTINED"
  | "DUPLICATE_KEY"
  | "RECORD_COUNT_MISMATCH"
  | "WRITE_COUNT_MISMATCH"
  | "REAL_GAP"
  | "INPUT_INVALID"
  | "UNSUPPORTED_STRATEGY"
  /** The scraper whose payload this run would read failed (and alerted); the run records it. */
  | "UPSTREAM_FAILED"

  | "DEPENDENCY_MISSING"
  | "DEPENDENCY_STALE"
  | "INPUT_INCOMPLETE";

/** A processor failure with a code; permanent (retrying the same input fails the same way). */
export class ProcessorError extends Error {
  constructor(
    readonly code: ProcessorErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ProcessorError";
  }
}
