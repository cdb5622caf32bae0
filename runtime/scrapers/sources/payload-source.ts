import type { SourceKind } from "../../domain/source-kind";
import type { EmptyReason } from "../../monitoring/run-record";
import type { ScrapeScope, ScraperDefinition } from "../base/scraper-definition";

export interface FetchedPayload {
  readonly text: string;
  /** The payload `text` serialises, when the source built it (sim): its records are counted without parsing the text again. */
  readonly parsed?: unknown;
  /** What produced it, in terms an operator can find: a file path, a URL, or the sim seed. */
  readonly origin: string;
  /** Parts of a date fanned out into games, events or teams that could not be fetched: the run is `partial`, naming them. */
  readonly missing?: readonly MissingPart[];
  /** Nothing to fetch for the scope (no games that day, none tipped yet): the run is `no_data` and nothing is stored. */
  readonly empty?: EmptyReason;
}

export type FetchProgress = (done: number, total: number) => void;

/** A game id, Odds API event id or tricode whose request failed, and why. */
export interface MissingPart {
  readonly key: string;
  readonly reason: string;
}

/** Where scrapers get payloads: live HTTP (later), a replay directory, or the generator. */
export interface PayloadSource {
  /** Provenance of what it serves; stamped on every row and run that follows from it. */
  readonly kind: SourceKind;
  /** `progress` hears of each part of a fetch made of many requests (a date fanned out), so the run's heartbeat shows progress. */
  fetch(scraper: ScraperDefinition, scope: ScrapeScope, progress?: FetchProgress): Promise<FetchedPayload>;
  /** Whether the source captured anything for the scope (a replay dir answers from its folders); absent: it always can try. */
  holds?(scraper: ScraperDefinition, scope: ScrapeScope): Promise<boolean>;
}
