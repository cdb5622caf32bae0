import { catalog } from "../catalog/catalog";
import { seasonYearForDate } from "../domain/season";
import { checkShape } from "./base/check-shape";
import type { ScraperDefinition } from "./base/scraper-definition";
import { bdlBoxScoresSchema, bdlPlayerCount } from "./formats/bdl-box-scores";
import { simulatedSchedule } from "./sim/cached-schedule";
import { simulateBdlBoxScores } from "./sim/sim-bdl-box-scores";

const spec = catalog.scrapers.find((s) => s.name === "bdl_box_scores");
if (!spec) throw new Error("catalog: scraper bdl_box_scores is not declared");

export const bdlBoxScoresScraper: ScraperDefinition = {
  spec,
  countRecords(payload) {
    return bdlPlayerCount(checkShape(bdlBoxScoresSchema, payload, "a Ball Don't Lie box-score payload"));
  },
  simulate(scope, options) {
    const schedule = simulatedSchedule(seasonYearForDate(scope.gameDate), options.seed, options.today);
    return simulateBdlBoxScores({ gameDate: scope.gameDate, seed: options.seed, schedule });
  },
};
