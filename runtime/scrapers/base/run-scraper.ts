import { buildCompletionMessage } from "../../messages/completion-message";
import { COMPLETION_TOPIC } from "../../messages/phase-topics";
import { startRunHeartbeat, terminalStatusOf } from "../../monitoring/run-heartbeat";
import type { EmptyReason, RunRecord } from "../../monitoring/run-record";
import type { ProgressReporter } from "../../monitoring/heartbeat";
import type { Platform } from "../../platform/platform";
import type { PayloadSource } from "../sources/payload-source";
import { ScrapeError } from "./scrape-error";
import type { ScrapeScope, ScraperDefinition } from "./scraper-definition";
import { errorMessage } from "../../domain/error-message";

export interface ScrapeRequest {
  readonly scraper: ScraperDefinition;
  readonly scope: ScrapeScope;
  readonly source: PayloadSource;
  readonly correlationId?: string;
  /** How to categorise a missing replay payload (no games that day is not a failure). */
  readonly categoriseMissing?: (scope: ScrapeScope) => Promise<EmptyReason>;
}

function objectPath(scraper: ScraperDefinition, scope: ScrapeScope, at: Date): string {
  const stamp = at.toISOString().replace(/[:.]/g, "-");
  return `${scraper.spec.family}/${scraper.spec.name}/${scope.key}/${stamp}.json`;
}

/**
 * Phase 1: fetch a payload, check it is the expected shape, store it, and publish a completion
 * with the object path and an explicit record_count (never inferred later from the payload's shape).
 * The run beats from its ledger start to its end; every way out writes the terminal state.
 */
export async function runScraper(platform: Platform, request: ScrapeRequest): Promise<RunRecord> {
  const run = await platform.ledger.start({
    processorName: request.scraper.spec.name,
    phase: "phase_1_scrapers",
    scope: request.scope.key,
    gameDate: request.scope.gameDate,
    correlationId: request.correlationId,
    sourceKind: request.source.kind,
  });
  const heartbeat = startRunHeartbeat(platform, run, { stallLimitSeconds: request.scraper.spec.stallLimitSeconds });
  let finished: RunRecord | null = null;
  try {
    finished = await scrape(platform, request, run, heartbeat);
    return finished;
  } finally {
    await heartbeat.end(finished ? terminalStatusOf(finished.status) : "failed", finished ? finished.error_type : "EXCEPTION");
  }
}

async function scrape(platform: Platform, request: ScrapeRequest, run: RunRecord, heartbeat: ProgressReporter): Promise<RunRecord> {
  const { scraper, scope } = request;
  const publish = async (fields: Record<string, unknown>): Promise<void> => {
    const message = buildCompletionMessage({
      processor_name: scraper.spec.name,
      phase: "phase_1_scrapers",
      execution_id: run.run_id,
      correlation_id: run.correlation_id,
      game_date: scope.gameDate,
      timestamp: platform.clock.now().toISOString(),
      trigger_source: "manual",
      ...fields,
    });
    await platform.bus.publish(COMPLETION_TOPIC.phase_1_scrapers, message);
  };
  try {
    heartbeat.report("fetch");
    const fetched = await request.source.fetch(scraper, scope);
    heartbeat.report("check");
    let payload: unknown;
    try {
      payload = JSON.parse(fetched.text);
    } catch (err) {
      throw new ScrapeError("PAYLOAD_NOT_JSON", `${fetched.origin}: not valid JSON (${errorMessage(err)})`);
    }
    let recordCount: number;
    try {
      recordCount = scraper.countRecords(payload);
    } catch (err) {
      throw new ScrapeError("PAYLOAD_SHAPE", `${fetched.origin}: ${errorMessage(err)}`);
    }
    const path = objectPath(scraper, scope, platform.clock.now());
    heartbeat.report("store", 0, recordCount);
    await platform.objectStore.put(path, fetched.text);
    heartbeat.report("publish", recordCount, recordCount);
    const finished = await platform.ledger.finish(run, { status: "success", recordsReceived: recordCount, rowsWritten: recordCount, rowsInserted: recordCount });
    await publish({
      status: "success",
      record_count: recordCount,
      metadata: { gcs_path: platform.objectStore.uri(path), object_path: path, scope_key: scope.key, source: fetched.origin, source_kind: request.source.kind, workflow: "local-pipeline" },
    });
    return finished;
  } catch (err) {
    if (err instanceof ScrapeError && err.code === "REPLAY_MISSING" && request.categoriseMissing) {
      const reason = await request.categoriseMissing(scope);
      if (reason !== "real_gap") {
        const finished = await platform.ledger.finish(run, { status: "no_data", rowsWritten: 0, emptyReason: reason, errorMessage: err.message });
        await publish({ status: "no_data", record_count: 0, metadata: { scope_key: scope.key, source: "replay", source_kind: request.source.kind, empty_reason: reason } });
        return finished;
      }
    }
    const message = errorMessage(err);
    const type = err instanceof ScrapeError ? err.code : err instanceof Error ? err.name : "Error";
    const finished = await platform.ledger.finish(run, { status: "failed", rowsWritten: 0, errorType: type, errorMessage: message });
    await platform.notifier.notify({
      severity: "error",
      title: `scraper ${scraper.spec.name} failed for ${scope.key}`,
      message,
      context: { scraper: scraper.spec.name, scope: scope.key, run_id: run.run_id, error_type: type },
      source: scraper.spec.name,
      category: "scrape_failed",
      scope: scope.key,
    });
    await publish({ status: "failed", record_count: 0, error_message: message.slice(0, 1000), error_type: type, metadata: { scope_key: scope.key } });
    return finished;
  }
}
