import type { SourceKind } from "../../domain/source-kind";
import type { ScrapeScope, ScraperDefinition } from "../base/scraper-definition";

export interface FetchedPayload {
  readonly text: string;
  /** What produced it, in terms an operator can find: a file path, a URL, or the sim seed. */
  readonly origin: string;
}

/** Where scrapers get payloads: live HTTP (later), a replay directory, or the generator. */
export interface PayloadSource {
  /** Provenance of what it serves; stamped on every row and run that follows from it. */
  readonly kind: SourceKind;
  fetch(scraper: ScraperDefinition, scope: ScrapeScope): Promise<FetchedPayload>;
  /** Whether the source captured anything for the scope (a replay dir answers from its folders); absent: it always can try. */
  holds?(scraper: ScraperDefinition, scope: ScrapeScope): Promise<boolean>;
}
