import { subscribeDeadLetterAlerts } from "../alerts/dead-letter-alert";
import { catalog } from "../catalog/catalog";
import type { Phase } from "../catalog/types";
import { seasonLabel, seasonYearForDate } from "../domain/season";
import type { RunRecord } from "../monitoring/run-record";
import { PHASES } from "../messages/completion-message";
import type { Platform } from "../platform/platform";
import { RAW_SUBSCRIPTION, rawConsumer } from "../processors/raw/raw-consumer";
import { runScraper } from "../scrapers/base/run-scraper";
import { missingReplayReason } from "../scrapers/base/missing-replay-reason";
import { scraperDefinitions } from "../scrapers";
import type { PayloadSource } from "../scrapers/sources/payload-source";
import { validatePhase, type PhaseValidationOptions } from "../validation/validate-phase";
import { mergeSummaries, type ValidationSummary } from "../validation/validation-summary";
import { uncapturedSource, type UncapturedSource } from "./uncaptured-source";
import { wireLocalTransitions } from "./local-transitions";
import { wireLocalPrecompute } from "./local-precompute";
import { CoalescingWarehouse, type Together } from "../platform/coalesced-writes";
import { scraperWaves } from "./scraper-waves";

export type PipelineStage = "raw" | "analytics" | "precompute";

/** A batch's phases 1-2: where its lines begin in the report, its failure, or null when a stop came first. */
type Loaded = { readonly first: number } | { readonly error: unknown } | null;

/** Batches whose phases 1-2 may run ahead of the batch in phase 3 (so both lanes, JS and DuckDB, stay busy). */
const SCRAPE_AHEAD = 2;

/** One line of the pipeline summary (the `--json` contract names these fields). */
export interface PipelineRun {
  readonly phase: Phase;
  readonly processor: string;
  readonly scope: string;
  readonly status: RunRecord["status"] | "blocked";
  readonly rows_written: number;
  readonly rows_quarantined: number;
  readonly duration_ms: number;
  readonly error_message?: string;
  readonly empty_reason?: string;
  /** Records the run read from its input; null when it read none (blocked, or failed before reading). */
  readonly rows_read: number | null;
  /** Why nothing was written, against the schedule: no_games | not_final | empty_source | filtered. */
  readonly zero_row_category: string | null;
  /** Final games of the schedule the run's input did not cover (NBA game ids). */
  readonly missing_games: readonly string[];
}

export interface PipelineReport {
  readonly dates: readonly string[];
  readonly runs: readonly PipelineRun[];
  readonly warehouse_statements: number;
  /** Dates that went through every phase before the runner stopped (all of them unless interrupted). */
  readonly dates_completed: readonly string[];
  readonly interrupted: boolean;
  /** Non-critical scrapers not run because the source captured nothing for their date (replay). */
  readonly uncaptured_sources?: readonly UncapturedSource[];
  /** Each phase's tables validated after the phase ran (when the caller asked for validation). */
  readonly validation?: ValidationSummary;
}

/** What the runner reports while it works (progress display, logs). */
export type PipelineEvent =
  | { readonly kind: "season_started"; readonly season: string }
  | { readonly kind: "date_started"; readonly date: string; readonly index: number; readonly total: number }
  | { readonly kind: "run_finished"; readonly run: PipelineRun }
  | { readonly kind: "date_finished"; readonly date: string; readonly index: number; readonly total: number; readonly runs: readonly PipelineRun[] };

export interface PipelineOptions {
  readonly dates: readonly string[];
  readonly source: PayloadSource;
  readonly until: PipelineStage;
  /** Asked before each date: once it says stop, the runner finishes nothing new and returns. */
  readonly shouldStop?: () => boolean;
  readonly onEvent?: (event: PipelineEvent) => void;
  /** Validate each phase's tables after running it. */
  readonly validation?: PhaseValidationOptions;
  /**
   * Dates that run as one batch (default 1: streaming, each date through phase 3 before the next
   * starts). With N > 1 a batch's dates go through phases 1-2 together and its phase 3 is one range
   * run, each table written once per batch; the next batch's phases 1-2 run during this one's
   * phase 3. A stop leaves every batch it finished through analytics; a batch already loading
   * keeps its phases 1-2 and is not counted as completed.
   */
  readonly analyticsBatchDates?: number;
}

function summarize(run: RunRecord): PipelineRun {
  return {
    phase: run.phase,
    processor: run.processor_name,
    scope: run.scope,
    status: run.status,
    rows_written: run.rows_written,
    rows_quarantined: run.rows_quarantined,
    duration_ms: run.duration_ms ?? 0,
    ...(run.error_message ? { error_message: run.error_message } : {}),
    ...(run.empty_reason ? { empty_reason: run.empty_reason } : {}),
    rows_read: run.rows_read ?? null,
    zero_row_category: run.zero_row_category ?? null,
    missing_games: run.missing_games ?? [],
  };
}

/**
 * Runs the phases on one platform, streaming: season-scoped scrapers once per season up front,
 * then each date through every phase (date-scoped scrapers, raw processors on their phase-1
 * messages through the bus, analytics in dependency order) before the next date starts, so a
 * range stopped part-way leaves every finished date complete. A failed upstream blocks what
 * depends on it: fail closed.
 */
export async function runLocalPipeline(opened: Platform, options: PipelineOptions): Promise<PipelineReport> {
  const batchDates = Math.max(1, options.analyticsBatchDates ?? 1);
  // A batch's dates go through phases 1-3 together, sharing their writes (one MERGE per table and batch).
  const coalescing = batchDates > 1 ? new CoalescingWarehouse(opened.warehouse) : null;
  const platform: Platform = coalescing ? { ...opened, warehouse: coalescing } : opened;
  const together: Together | undefined = coalescing ? (tasks) => coalescing.together(tasks) : undefined;
  const runs: RunRecord[] = [];
  const report: PipelineRun[] = [];
  const emit = options.onEvent ?? (() => undefined);
  const stop = options.shouldStop ?? (() => false);
  const record = (run: RunRecord): void => {
    runs.push(run);
    const line = summarize(run);
    report.push(line);
    emit({ kind: "run_finished", run: line });
  };
  platform.bus.subscribe(RAW_SUBSCRIPTION, rawConsumer(platform, record));
  const kind = options.source.kind;
  // Phase 3 starts through the 2->3 transition and its gates, as in production.
  const transitions = options.until !== "raw" ? wireLocalTransitions(platform, kind, record, { analyticsBatchDates: batchDates, together }) : null;
  await transitions?.reset(options.dates);
  // Phase 4 starts through the 3->4 transition and its gates; the range then runs it once.
  const precompute = options.until === "precompute" ? wireLocalPrecompute(platform, kind) : null;
  const batchedAnalytics = batchDates > 1;
  await precompute?.reset(options.dates);
  subscribeDeadLetterAlerts(platform, catalog.topics);
  const seasonScrapers = scraperDefinitions.filter((s) => s.spec.scope === "season");
  const dateScrapers = scraperDefinitions.filter((s) => s.spec.scope === "date");
  const waves = scraperWaves(dateScrapers);
  const completed: string[] = [];
  const uncaptured: UncapturedSource[] = [];
  let interrupted = false;

  const seasons = new Map<number, string>();
  for (const date of options.dates) {
    const year = seasonYearForDate(date);
    if (!seasons.has(year)) seasons.set(year, date);
  }
  for (const [year, firstDate] of seasons) {
    if (stop()) break;
    emit({ kind: "season_started", season: seasonLabel(year) });
    for (const scraper of seasonScrapers) {
      record(await runScraper(platform, { scraper, scope: { key: seasonLabel(year), gameDate: firstDate }, source: options.source }));
    }
  }

  const total = options.dates.length;
  const scrapeDate = async (scraper: (typeof dateScrapers)[number], date: string): Promise<void> => {
    const missing = await uncapturedSource(options.source, scraper, { key: date, gameDate: date });
    if (missing) {
      uncaptured.push(missing);
      platform.logger.warn({ event: "source_not_captured", scraper: missing.scraper, scope: missing.scope }, missing.reason);
      return;
    }
    record(
      await runScraper(platform, {
        scraper,
        scope: { key: date, gameDate: date },
        source: options.source,
        categoriseMissing: () => missingReplayReason(platform.warehouse, scraper, date),
      }),
    );
  };
  /** Phases 1-2 of a batch's dates; resolves to where its lines begin in the report. */
  const scrapeBatch = async (start: number, dates: readonly string[]): Promise<number> => {
    const first = report.length;
    dates.forEach((date, k) => emit({ kind: "date_started", date, index: start + k, total }));
    // A wave's scrapers at the same time, so one's rows are computed while another's load (play-by-play
    // waits for the box score players it names); each scraper's dates together, sharing its writes.
    const batched = together !== undefined && dates.length > 1;
    const scrape = async (scraper: (typeof dateScrapers)[number]): Promise<void> => {
      if (batched) await together(dates.map((date) => () => scrapeDate(scraper, date)));
      else for (const date of dates) await scrapeDate(scraper, date);
    };
    for (const wave of waves) {
      if (batched) await Promise.all(wave.map(scrape));
      else for (const scraper of wave) await scrape(scraper);
    }
    return first;
  };
  const batches: { start: number; dates: readonly string[] }[] = [];
  for (let start = 0; start < total; start += batchDates) batches.push({ start, dates: options.dates.slice(start, start + batchDates) });
  // Batched, phases 1-2 run ahead of phase 3 by up to SCRAPE_AHEAD batches, one batch after another:
  // phase 3 reads raw windows that end at its own dates, and raw processors read only their own date.
  const scraping = new Map<number, Promise<Loaded>>();
  let lastScrape: Promise<Loaded> = Promise.resolve(null);
  const scrapeAhead = (b: number): void => {
    const batch = batches[b];
    if (!batch || scraping.has(b) || stop()) return;
    // After the batch before it; not started once a stop came or that batch failed.
    const loaded = lastScrape.then((previous): Promise<Loaded> | null =>
      stop() || (previous !== null && "error" in previous)
        ? null
        : scrapeBatch(batch.start, batch.dates).then(
            (first) => ({ first }),
            (error: unknown) => ({ error }),
          ),
    );
    lastScrape = loaded;
    scraping.set(b, loaded);
  };
  for (const [b, { start, dates }] of batches.entries()) {
    const pipelined = scraping.has(b);
    if (!pipelined) {
      if (stop()) {
        interrupted = true;
        break;
      }
      scrapeAhead(b);
    }
    const loaded = await (scraping.get(b) ?? Promise.resolve(null));
    if (loaded && "error" in loaded) throw loaded.error;
    // A batch started ahead (below) when a stop came meanwhile keeps its phases 1-2 and goes no further.
    if (!loaded || (pipelined && stop())) {
      interrupted = true;
      break;
    }
    const first = loaded.first;
    if (batchedAnalytics) for (let ahead = 1; ahead <= SCRAPE_AHEAD; ahead++) scrapeAhead(b + ahead);
    for (const date of dates) {
      if (transitions) report.push(...(await transitions.settle(date)));
      // With phase 3 batched, a date's 3->4 state is known only once its batch ran (after drain).
      if (precompute && !batchedAnalytics) report.push(...(await precompute.settleDate(date)));
      completed.push(date);
    }
    const lines = report.slice(first);
    dates.forEach((date, k) => emit({ kind: "date_finished", date, index: start + k, total, runs: dates.length === 1 && !batchedAnalytics ? lines : lines.filter((line) => line.scope === date) }));
  }
  // Batches still loading ahead of a stop finish their phases 1-2 before the runner goes on.
  await lastScrape;
  if (stop() && completed.length < options.dates.length) interrupted = true;
  // Dates still queued for a phase-3 range run (analyticsBatchDates) run now, interrupted or not.
  await transitions?.drain();
  if (precompute && batchedAnalytics) for (const date of completed) report.push(...(await precompute.settleDate(date)));
  // Phase 4 computes every finished date in one set-based pass per processor (a season is one job).
  if (precompute && !interrupted && completed.length > 0) {
    await precompute.settle([...report], record, (line) => {
      report.push(line);
      emit({ kind: "run_finished", run: line });
    });
  }
  // Each phase's tables are validated over the dates that finished (the whole range unless interrupted).
  const validations: ValidationSummary[] = [];
  if (options.validation && completed.length > 0) {
    validations.push(await validatePhase(platform, "phase_2_raw", completed, options.validation));
    if (options.until !== "raw") validations.push(await validatePhase(platform, "phase_3_analytics", completed, options.validation));
    if (options.until === "precompute" && !interrupted) validations.push(await validatePhase(platform, "phase_4_precompute", completed, options.validation));
  }
  // Raw runs finish inside their scraper's publish, before the scraper's own record: order by phase.
  const phaseOrder = (p: Phase): number => PHASES.indexOf(p);
  const ordered = report.map((run, i) => ({ run, i })).sort((a, b) => phaseOrder(a.run.phase) - phaseOrder(b.run.phase) || a.i - b.i);
  return {
    dates: options.dates,
    runs: ordered.map((o) => o.run),
    warehouse_statements: platform.warehouse.statementsExecuted(),
    dates_completed: completed,
    interrupted,
    uncaptured_sources: uncaptured,
    ...(options.validation ? { validation: mergeSummaries(validations) } : {}),
  };
}
