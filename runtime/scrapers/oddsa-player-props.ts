import { catalog } from "../catalog/catalog";
import type { ScraperDefinition } from "./base/scraper-definition";
import { shapeChecked } from "./base/shape-checked";
import { countPlayerPropRecords } from "./formats/odds-api";
import { simulateOddsPlayerProps } from "./sim/sim-odds-api";

const spec = catalog.scrapers.find((s) => s.name === "oddsa_player_props");
if (!spec) throw new Error("catalog: scraper oddsa_player_props is not declared");

export const oddsaPlayerPropsScraper: ScraperDefinition = {
  spec,
  replayFiles: "every",
  countRecords(payload) {
    return shapeChecked("The Odds API event odds", () => countPlayerPropRecords(payload));
  },
  simulate(scope, options) {
    return simulateOddsPlayerProps({ gameDate: scope.gameDate, seed: options.seed, today: options.today });
  },
};
