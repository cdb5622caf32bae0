import { catalog } from "../catalog/catalog";
import type { Phase } from "../catalog/types";
import { seasonLabel, seasonYearForDate } from "../domain/season";
import type { RunRecord } from "../monitoring/run-record";
import { PHASES } from "./completion-message";
import type { LocalPlatform } from "../platform/local/local-platform";
import { emptyReasonFor, scheduleDay } from "../processors/base/empty-reason";
import { analyticsProcessors } from "../processors/analytics";
import { runAnalytics } from "../processors/analytics/run-analytics";
import { RAW_SUBSCRIPTION, rawConsumer } from "../processors/raw/raw-consumer";
import { runScraper } from "../scrapers/base/run-scraper";
import { scraperDefinitions } from "../scrapers";
import type { PayloadSource } from "../scrapers/sources/payload-source";
import { validatePhase, type PhaseValidationOptions } from "../validation/validate-phase";
import { mergeSummaries, type ValidationSummary } from "../validation/validation-summary";

export type PipelineStage = "raw" | "analytics";

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
}

export interface PipelineReport {
  readonly dates: readonly string[];
  readonly runs: readonly PipelineRun[];
  readonly warehouse_statements: number;
  /** Each phase's tables validated after the phase ran (when the caller asked for validation). */
  readonly validation?: ValidationSummary;
}

export interface PipelineOptions {
  readonly dates: readonly string[];
  readonly source: PayloadSource;
  readonly until: PipelineStage;
  readonly onProgress?: (message: string) => void;
  /** Validate each phase's tables after running it. */
  readonly validation?: PhaseValidationOptions;
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
  };
}

/**
 * Runs the phases in order on one platform: season-scoped scrapers once per season, then per
 * date the date-scoped scrapers (raw processors run on their phase-1 messages through the bus),
 * then analytics in dependency order. A failed upstream blocks what depends on it: fail closed.
 */
export async function runLocalPipeline(platform: LocalPlatform, options: PipelineOptions): Promise<PipelineReport> {
  const runs: RunRecord[] = [];
  const report: PipelineRun[] = [];
  const record = (run: RunRecord): void => {
    runs.push(run);
    report.push(summarize(run));
  };
  platform.bus.subscribe(RAW_SUBSCRIPTION, rawConsumer(platform, record));
  const progress = options.onProgress ?? (() => undefined);
  const seasonScrapers = scraperDefinitions.filter((s) => s.spec.scope === "season");
  const dateScrapers = scraperDefinitions.filter((s) => s.spec.scope === "date");

  const seasons = new Map<number, string>();
  for (const date of options.dates) {
    const year = seasonYearForDate(date);
    if (!seasons.has(year)) seasons.set(year, date);
  }
  for (const [year, firstDate] of seasons) {
    for (const scraper of seasonScrapers) {
      progress(`${scraper.spec.name} ${seasonLabel(year)}`);
      record(await runScraper(platform, { scraper, scope: { key: seasonLabel(year), gameDate: firstDate }, source: options.source }));
    }
  }

  for (const [i, date] of options.dates.entries()) {
    progress(`[${i + 1}/${options.dates.length}] ${date}: scrapers and raw`);
    for (const scraper of dateScrapers) {
      record(
        await runScraper(platform, {
          scraper,
          scope: { key: date, gameDate: date },
          source: options.source,
          categoriseMissing: async () => emptyReasonFor(await scheduleDay(platform.warehouse, date)),
        }),
      );
    }
  }

  const validations: ValidationSummary[] = [];
  const validate = async (phase: Phase): Promise<void> => {
    if (!options.validation) return;
    progress(`validating ${phase}`);
    validations.push(await validatePhase(platform, phase, options.dates, options.validation));
  };
  await validate("phase_2_raw");

  if (options.until === "analytics") {
    for (const [i, date] of options.dates.entries()) {
      progress(`[${i + 1}/${options.dates.length}] ${date}: analytics`);
      const season = seasonLabel(seasonYearForDate(date));
      const upstreamFailure = runs.find((r) => (r.phase === "phase_1_scrapers" || r.phase === "phase_2_raw") && r.status === "failed" && (r.scope === date || r.scope === season));
      const failedOutputs = new Set<string>();
      for (const processor of analyticsProcessors) {
        const spec = catalog.processors.find((p) => p.name === processor.name);
        const blockedBy = upstreamFailure ? `${upstreamFailure.processor_name} ${upstreamFailure.scope}` : spec?.inputs.find((input) => failedOutputs.has(input));
        if (blockedBy) {
          failedOutputs.add(spec?.output ?? processor.name);
          report.push({
            phase: "phase_3_analytics",
            processor: processor.name,
            scope: date,
            status: "blocked",
            rows_written: 0,
            rows_quarantined: 0,
            duration_ms: 0,
            error_message: `not run: upstream ${blockedBy} failed`,
          });
          continue;
        }
        const run = await runAnalytics(platform, processor, date);
        record(run);
        if (run.status === "failed" && spec) failedOutputs.add(spec.output);
      }
    }
    await validate("phase_3_analytics");
  }
  // Raw runs finish inside their scraper's publish, before the scraper's own record: order by phase.
  const phaseOrder = (p: Phase): number => PHASES.indexOf(p);
  const ordered = report.map((run, i) => ({ run, i })).sort((a, b) => phaseOrder(a.run.phase) - phaseOrder(b.run.phase) || a.i - b.i);
  return {
    dates: options.dates,
    runs: ordered.map((o) => o.run),
    warehouse_statements: platform.warehouse.statementsExecuted(),
    ...(options.validation ? { validation: mergeSummaries(validations) } : {}),
  };
}
