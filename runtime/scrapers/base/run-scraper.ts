import { completeRun, type RunConclusion } from "../../processors/base/complete-run";
import { startRunHeartbeat, terminalStatusOf } from "../../monitoring/run-heartbeat";
import type { EmptyReason, RunRecord } from "../../monitoring/run-record";
import type { ProgressReporter } from "../../monitoring/heartbeat";
import type { Platform } from "../../platform/platform";
import type { FetchedPayload, MissingPart, PayloadSource } from "../sources/payload-source";
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
  const message = { processor_name: scraper.spec.name, phase: "phase_1_scrapers", game_date: scope.gameDate, trigger_source: "manual" };
  const alert = { subject: `scraper ${scraper.spec.name}`, category: "scrape_failed" };
  const baseMetadata = { scope_key: scope.key, source_kind: request.source.kind };
  let conclusion: RunConclusion;
  try {
    heartbeat.report("fetch");
    const fetched = await request.source.fetch(scraper, scope, (done, total) => heartbeat.report("fetch", done, total));
    conclusion = fetched.empty ? nothingToFetch(fetched, baseMetadata) : await store(platform, request, fetched, heartbeat, baseMetadata);
  } catch (err) {
    conclusion = await concludeFailure(request, err, baseMetadata);
  }
  // One completion and one final status per run, whatever fails while recording it.
  return completeRun(platform, run, { ...message, metadata: conclusion.metadata }, conclusion, alert);
}

/** Checks the payload's shape, stores it, and concludes the run: `partial` when parts of a fanned-out date are missing. */
async function store(platform: Platform, request: ScrapeRequest, fetched: FetchedPayload, heartbeat: ProgressReporter, baseMetadata: Readonly<Record<string, unknown>>): Promise<RunConclusion> {
  const { scraper, scope } = request;
  heartbeat.report("check");
  let payload: unknown;
  try {
    payload = fetched.parsed ?? JSON.parse(fetched.text);
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
  const missing = fetched.missing ?? [];
  return {
    outcome: {
      status: missing.length > 0 ? "partial" : "success",
      recordsReceived: recordCount,
      rowsRead: recordCount,
      rowsWritten: recordCount,
      rowsInserted: recordCount,
      ...(missing.length > 0 ? { missingGames: missing.map((m) => m.key), errorMessage: describeMissing(missing) } : {}),
    },
    error: null,
    metadata: {
      ...baseMetadata,
      gcs_path: platform.objectStore.uri(path),
      object_path: path,
      source: fetched.origin,
      workflow: "local-pipeline",
      ...(missing.length > 0 ? { missing_parts: missing.map((m) => m.key) } : {}),
    },
  };
}

/** A fanned-out date with nothing to fetch (no games, none tipped yet): `no_data`, nothing stored. */
function nothingToFetch(fetched: FetchedPayload, metadata: Readonly<Record<string, unknown>>): RunConclusion {
  const reason = fetched.empty ?? "no_games_scheduled";
  return {
    outcome: { status: "no_data", rowsWritten: 0, emptyReason: reason, errorMessage: `nothing to fetch (${reason}): ${fetched.origin}` },
    error: null,
    metadata: { ...metadata, source: fetched.origin, empty_reason: reason },
  };
}

/** The parts a partial run lacks, each with its reason, for the ledger and the alert. */
function describeMissing(missing: readonly MissingPart[]): string {
  return `${missing.length} request(s) failed: ${missing.map((m) => `${m.key} (${m.reason})`).join("; ")}`;
}

/** A missing replay payload on a day without (final) games is `no_data`; anything else fails the run. */
async function concludeFailure(request: ScrapeRequest, err: unknown, metadata: Readonly<Record<string, unknown>>): Promise<RunConclusion> {
  if (err instanceof ScrapeError && err.code === "REPLAY_MISSING" && request.categoriseMissing) {
    const reason = await request.categoriseMissing(request.scope);
    if (reason !== "real_gap") {
      return {
        outcome: { status: "no_data", rowsWritten: 0, emptyReason: reason, errorMessage: err.message },
        error: null,
        metadata: { ...metadata, source: "replay", empty_reason: reason },
      };
    }
  }
  return { outcome: { status: "failed", rowsWritten: 0 }, error: err, metadata };
}
