import { catalog } from "../catalog/catalog";
import type { ScraperDefinition } from "./base/scraper-definition";
import { shapeChecked } from "./base/shape-checked";
import { bpEvents } from "./formats/bettingpros";
import { simulateBpEvents } from "./sim/sim-bettingpros";

const spec = catalog.scrapers.find((s) => s.name === "bp_events");
if (!spec) throw new Error("catalog: scraper bp_events is not declared");

export const bpEventsScraper: ScraperDefinition = {
  spec,
  countRecords(payload) {
    return shapeChecked("a BettingPros events payload", () => bpEvents(payload).length);
  },
  simulate(scope, options) {
    return simulateBpEvents({ gameDate: scope.gameDate, seed: options.seed, today: options.today });
  },
};
