import { catalog } from "../catalog/catalog";
import { checkShape } from "./base/check-shape";
import type { ScraperDefinition } from "./base/scraper-definition";
import { playerMovementSchema } from "./formats/nbac-player-movement";
import { simulatePlayerMovement } from "./sim/sim-player-movement";

const spec = catalog.scrapers.find((s) => s.name === "nbac_player_movement");
if (!spec) throw new Error("catalog: scraper nbac_player_movement is not declared");

export const nbacPlayerMovementScraper: ScraperDefinition = {
  spec,
  countRecords(payload) {
    return checkShape(playerMovementSchema, payload, "an NBA.com player movement feed").NBA_Player_Movement.rows.length;
  },
  simulate(scope, options) {
    return simulatePlayerMovement({ scrapeDate: scope.gameDate, seed: options.seed });
  },
};
