import { errorMessage } from "../../domain/error-message";
import { buildCompletionMessage } from "../../messages/completion-message";
import { COMPLETION_TOPIC } from "../../messages/phase-topics";
import type { RunOutcome } from "../../monitoring/run-ledger";
import type { RunRecord } from "../../monitoring/run-record";
import { WarehouseError } from "../../platform/local/warehouse-error";
import type { Platform } from "../../platform/platform";
import { TRANSIENT_ERROR_TYPE, isTransient } from "../../platform/ports/transient-error";
import { ProcessorError } from "./processor-error";

/** How a run ended, worked out before anything is published or recorded. */
export interface RunConclusion {
  readonly outcome: RunOutcome;
  /** false: the run is recorded but publishes no completion (DOMAIN §6.2: backfill runs publish nothing). */
  readonly publish?: boolean;
  /** What failed the run, when it failed (classified into the ledger's error_type here). */
  readonly error: unknown;
  /** Extra completion-message metadata from the run's own code. */
  readonly metadata: Readonly<Record<string, unknown>>;
}

export interface CompletionAlert {
  /** "nbac_schedule", "scraper nbac_schedule": the alert title starts with it. */
  readonly subject: string;
  /** Alert category of a failed run (dedup key with source and scope). */
  readonly category: string;
}

/** Codes whose failure an upstream run has already alerted: recorded here, never alerted twice. */
const ALERTED_UPSTREAM: ReadonlySet<string> = new Set(["UPSTREAM_FAILED"]);

/** The ledger could not record a run whose completion was already published; nothing is published again. */
export class LedgerWriteError extends Error {
  readonly code = "LEDGER_WRITE_FAILED";
  readonly transient = true;
  constructor(
    message: string,
    override readonly cause: unknown,
  ) {
    super(message);
    this.name = "LedgerWriteError";
  }
}

export function errorTypeOf(error: unknown): string | null {
  if (error === null || error === undefined) return null;
  if (error instanceof ProcessorError || error instanceof WarehouseError) return error.code;
  if (isTransient(error)) return TRANSIENT_ERROR_TYPE;
  if (typeof error === "object" && "code" in error && typeof error.code === "string" && /^[A-Z][A-Z_]+$/.test(error.code)) return error.code;
  return error instanceof Error ? error.name : "Error";
}

/**
 * Ends a run exactly once (issue 8): one completion message (DOMAIN §6.2), then one final ledger
 * status, then at most one alert. A publish that fails turns the run `failed` (`PUBLISH_FAILED`);
 * a ledger write that fails after the message went out is logged and thrown, and no second
 * completion is ever published for the run.
 */
export async function completeRun(
  platform: Platform,
  run: RunRecord,
  message: Readonly<Record<string, unknown>>,
  conclusion: RunConclusion,
  alert: CompletionAlert = { subject: run.processor_name, category: "run_failed" },
): Promise<RunRecord> {
  const { outcome, error } = conclusion;
  const failure = error === null || error === undefined ? (outcome.errorMessage ?? null) : errorMessage(error);
  const errorType = errorTypeOf(error) ?? outcome.errorType ?? null;
  const now = platform.clock.now();
  let status = outcome.status;
  let finalType = errorType;
  let finalError = failure;
  try {
    const built = buildCompletionMessage({
      ...message,
      execution_id: run.run_id,
      correlation_id: run.correlation_id,
      status,
      timestamp: now.toISOString(),
      record_count: outcome.rowsWritten,
      duration_seconds: Math.max(0, now.getTime() - Date.parse(run.started_at)) / 1000,
      error_message: failure?.slice(0, 1000),
      error_type: errorType,
    });
    if (conclusion.publish !== false) await platform.bus.publish(COMPLETION_TOPIC[run.phase], built);
  } catch (publishError) {
    // The rows may be written, but without the message the next phase never hears of them: a failure.
    platform.logger.error({ err: publishError, processor: run.processor_name, run_id: run.run_id }, "completion message could not be published");
    status = "failed";
    finalType = "PUBLISH_FAILED";
    finalError = `completion message not published: ${errorMessage(publishError)}`;
  }
  let finished: RunRecord;
  try {
    finished = await platform.ledger.finish(run, { ...outcome, status, errorType: finalType, errorMessage: finalError });
  } catch (ledgerError) {
    platform.logger.error(
      { event: "ledger_write_failed", err: ledgerError, processor_name: run.processor_name, run_id: run.run_id, status },
      `${run.processor_name} ${run.scope}: the run ended ${status} and its completion was published, but the ledger could not record it`,
    );
    throw new LedgerWriteError(`run ${run.run_id} of ${run.processor_name} ended ${status} but was not recorded: ${errorMessage(ledgerError)}`, ledgerError);
  }
  // A transient failure is retried by redelivery; if every attempt fails, the dead letter alerts.
  const transient = finalType === TRANSIENT_ERROR_TYPE;
  if (finished.status === "failed" && !transient && !ALERTED_UPSTREAM.has(finished.error_type ?? "")) {
    await platform.notifier.notify({
      severity: "error",
      title: `${alert.subject} failed for ${run.scope}`,
      message: finished.error_message ?? "unknown error",
      context: { processor: run.processor_name, scope: run.scope, run_id: run.run_id, error_type: finished.error_type },
      source: run.processor_name,
      category: alert.category,
      scope: run.scope,
    });
  } else if (finished.status === "partial" && (finished.missing_games?.length ?? 0) + (finished.affected_keys?.length ?? 0) > 0) {
    const missing = finished.missing_games ?? [];
    await platform.notifier.notify({
      severity: "warning",
      title: `${alert.subject} partial for ${run.scope}`,
      message: [
        missing.length > 0 ? `final games missing from the input: ${missing.join(", ")}` : null,
        finished.rows_quarantined > 0 ? `${finished.rows_quarantined} records quarantined (within the table's tolerance)` : null,
      ]
        .filter((s): s is string => s !== null)
        .join("; "),
      context: { processor: run.processor_name, scope: run.scope, run_id: run.run_id, missing_games: missing.join(",") },
      source: run.processor_name,
      category: "run_partial",
      scope: run.scope,
    });
  }
  return finished;
}
