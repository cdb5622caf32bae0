import type { ScrapeScope, ScraperDefinition } from "../base/scraper-definition";

export interface FetchedPayload {
  readonly text: string;
  /** What produced it, in terms an operator can find: a file path, a URL, or the sim seed. */
  readonly origin: string;
}

/** Where scrapers get payloads: live HTTP (later), a replay directory, or the generator. */
export interface PayloadSource {
  readonly name: "replay" | "sim";
  fetch(scraper: ScraperDefinition, scope: ScrapeScope): Promise<FetchedPayload>;
}
