import { catalog } from "../catalog/catalog";
import type { ScraperDefinition } from "./base/scraper-definition";
import { shapeChecked } from "./base/shape-checked";
import { countGameLineRecords } from "./formats/odds-api";
import { simulateOddsGameLines } from "./sim/sim-odds-api";

const spec = catalog.scrapers.find((s) => s.name === "oddsa_game_lines");
if (!spec) throw new Error("catalog: scraper oddsa_game_lines is not declared");

export const oddsaGameLinesScraper: ScraperDefinition = {
  spec,
  replayFiles: "every",
  countRecords(payload) {
    return shapeChecked("The Odds API event odds", () => countGameLineRecords(payload));
  },
  simulate(scope, options) {
    return simulateOddsGameLines({ gameDate: scope.gameDate, seed: options.seed, today: options.today });
  },
};
