import { catalog } from "../catalog/catalog";
import type { ScraperDefinition } from "./base/scraper-definition";
import { shapeChecked } from "./base/shape-checked";
import { bpOfferRecords, bpPropsPayload } from "./formats/bettingpros";
import { simulateBpPlayerProps } from "./sim/sim-bettingpros";

const spec = catalog.scrapers.find((s) => s.name === "bp_player_props");
if (!spec) throw new Error("catalog: scraper bp_player_props is not declared");

export const bpPlayerPropsScraper: ScraperDefinition = {
  spec,
  countRecords(payload) {
    return shapeChecked("BettingPros offers (flattened)", () => bpOfferRecords(bpPropsPayload(payload)).length);
  },
  simulate(scope, options) {
    return simulateBpPlayerProps({ gameDate: scope.gameDate, seed: options.seed, today: options.today });
  },
};
