import type { ScrapeScope, ScraperDefinition } from "../scrapers/base/scraper-definition";
import type { PayloadSource } from "../scrapers/sources/payload-source";

/** A non-critical source the payload source captured nothing of for a scope: not run, and reported as such. */
export interface UncapturedSource {
  readonly scraper: string;
  readonly scope: string;
  readonly reason: string;
}

/**
 * A replay dir holds what someone captured: a date without betting files there says nothing about
 * the games, so a non-critical scraper is not run (and does not fail the box scores' analytics);
 * the pipeline reports it. A critical scraper always runs, and a missing payload is judged against
 * the schedule.
 */
export async function uncapturedSource(source: PayloadSource, scraper: ScraperDefinition, scope: ScrapeScope): Promise<UncapturedSource | null> {
  if (scraper.spec.critical || !source.holds || (await source.holds(scraper, scope))) return null;
  return { scraper: scraper.spec.name, scope: scope.key, reason: `the ${source.kind} source holds no ${scraper.spec.name} payload for ${scope.key} (a non-critical source: not run)` };
}
