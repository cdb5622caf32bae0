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
   * How a replay folder serves the scope: the newest file (default), or every file as one JSON
   * array, for sources captured one file per event (`oddsa_game_lines/<date>/<event>.json`).
   */
  readonly replayFiles?: "newest" | "every";
  /** The explicit record_count published with the payload; throws when the shape is not the expected one. */
  countRecords(payload: unknown): number;
  /** The payload the sim source serves for this scope: same format as the live source. */
  simulate(scope: ScrapeScope, options: { readonly seed: number; readonly today: string }): unknown;
}
