import type { ScraperSpec } from "../../catalog/types";

/** What a scraper covers: an ET game date or a season (key = "2024-25"). */
export interface ScrapeScope {
  readonly key: string;
  /** The ET date the run is for (the season's requested date for season scrapers). */
  readonly gameDate: string;
}

/** A scraper: its catalog entry, how it counts the records of a payload, and its simulated twin. */
export interface ScraperDefinition {
  readonly spec: ScraperSpec;
  /**
   * The source serves one payload per game (box score, play-by-play): a date's payload is the JSON
   * array of that date's per-game payloads, each exactly as the source sends it (replay: every file
   * of the date's folder, one per game).
   */
  readonly perGame?: true;
  /** The explicit record_count published with the payload; throws when the shape is not the expected one. */
  countRecords(payload: unknown): number;
  /** The payload the sim source serves for this scope: same format as the live source. */
  simulate(scope: ScrapeScope, options: { readonly seed: number; readonly today: string }): unknown;
}
