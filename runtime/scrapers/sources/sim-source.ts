import type { ScrapeScope, ScraperDefinition } from "../base/scraper-definition";
import type { FetchedPayload, PayloadSource } from "./payload-source";

/** The deterministic generator: the same seed and scope always give the same payload. */
export class SimSource implements PayloadSource {
  readonly kind = "sim";

  constructor(
    private readonly seed: number,
    /** ET date of "today": games before it are final in the simulated schedule. */
    private readonly today: string,
  ) {}

  fetch(scraper: ScraperDefinition, scope: ScrapeScope): Promise<FetchedPayload> {
    const payload = scraper.simulate(scope, { seed: this.seed, today: this.today });
    return Promise.resolve({ text: JSON.stringify(payload), parsed: payload, origin: `sim:${scraper.spec.name}/${scope.key}?seed=${this.seed}` });
  }
}
