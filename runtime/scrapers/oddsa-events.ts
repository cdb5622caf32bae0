import { catalog } from "../catalog/catalog";
import type { ScraperDefinition } from "./base/scraper-definition";
import { shapeChecked } from "./base/shape-checked";
import { oddsEvents } from "./formats/odds-api";
import { simulateOddsEvents } from "./sim/sim-odds-api";

const spec = catalog.scrapers.find((s) => s.name === "oddsa_events");
if (!spec) throw new Error("catalog: scraper oddsa_events is not declared");

export const oddsaEventsScraper: ScraperDefinition = {
  spec,
  countRecords(payload) {
    return shapeChecked("a The Odds API events payload", () => oddsEvents(payload).events.length);
  },
  simulate(scope, options) {
    return simulateOddsEvents({ gameDate: scope.gameDate, seed: options.seed, today: options.today });
  },
};
