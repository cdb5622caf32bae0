export type OrchestrationErrorCode = "INVALID_PARAMETER" | "SCHEDULE_LOOKUP_FAILED" | "NO_PATH_TO_PHASE" | "UNKNOWN_TRANSITION";

const TRANSIENT: ReadonlySet<OrchestrationErrorCode> = new Set(["SCHEDULE_LOOKUP_FAILED"]);

/** An orchestration failure with a code; only transient codes are worth answering with a retry. */
export class OrchestrationError extends Error {
  constructor(
    readonly code: OrchestrationErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "OrchestrationError";
  }
}

export function isTransient(err: unknown): boolean {
  return err instanceof OrchestrationError && TRANSIENT.has(err.code);
}
