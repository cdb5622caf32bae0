import { seasonLabel, seasonYearForDate } from "../domain/season";
import type { RunRecord } from "../monitoring/run-record";
import type { Platform } from "../platform/platform";
import { missingReplayReason } from "../scrapers/base/missing-replay-reason";
import { RAW_SUBSCRIPTION, rawConsumer } from "../processors/raw/raw-consumer";
import { runScraper } from "../scrapers/base/run-scraper";
import { trackScrapeFailures } from "../scrapers/base/track-scrape-failures";
import { loadScrapersConfig, scraperCallConfig, type ScrapersConfig } from "../scrapers/config/scrapers-config";
import { scraperDefinitions } from "../scrapers";
import type { PayloadSource } from "../scrapers/sources/payload-source";

export interface ScrapeJobRequest {
  readonly scraper: string;
  readonly date: string;
  readonly source: PayloadSource;
  /** Local runs consume their own phase-1 message in process; on GCP Pub/Sub pushes it to raw-processors. */
  readonly consumeLocally: boolean;
  /** configs/scrapers.yaml (default: the shipped file): the failure streak that alerts. */
  readonly scrapersConfig?: ScrapersConfig;
}

export interface ScrapeJobReport {
  readonly scraper: string;
  readonly scope: string;
  readonly game_date: string;
  readonly status: RunRecord["status"];
  readonly records: number;
  readonly error_message?: string;
  /** Raw-processor runs done in process (local backend only). */
  readonly raw_runs: readonly { processor: string; status: RunRecord["status"]; rows_written: number }[];
}

/** One scraper for one ET date (season scrapers: that date's season), as the scheduled job runs it. */
export async function runScrapeJob(platform: Platform, request: ScrapeJobRequest): Promise<ScrapeJobReport> {
  const scraper = scraperDefinitions.find((s) => s.spec.name === request.scraper);
  if (!scraper) throw new Error(`no scraper named ${request.scraper}`);
  const call = scraperCallConfig(request.scrapersConfig ?? loadScrapersConfig(), scraper.spec.name);
  const rawRuns: RunRecord[] = [];
  if (request.consumeLocally) platform.bus.subscribe(RAW_SUBSCRIPTION, rawConsumer(platform, (run) => rawRuns.push(run)));
  const key = scraper.spec.scope === "season" ? seasonLabel(seasonYearForDate(request.date)) : request.date;
  const run = await runScraper(platform, {
    scraper,
    scope: { key, gameDate: request.date },
    source: request.source,
    categoriseMissing: scraper.spec.scope === "date" ? () => missingReplayReason(platform.warehouse, scraper, request.date) : undefined,
  });
  await trackScrapeFailures(platform, scraper.spec.name, call, run, platform.clock.now());
  return {
    scraper: scraper.spec.name,
    scope: key,
    game_date: request.date,
    status: run.status,
    records: run.records_received ?? 0,
    ...(run.error_message ? { error_message: run.error_message } : {}),
    raw_runs: rawRuns.map((r) => ({ processor: r.processor_name, status: r.status, rows_written: r.rows_written })),
  };
}
