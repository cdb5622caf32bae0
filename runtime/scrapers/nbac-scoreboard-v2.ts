import { catalog } from "../catalog/catalog";
import { seasonYearForDate } from "../domain/season";
import { ScrapeError } from "./base/scrape-error";
import type { ScraperDefinition } from "./base/scraper-definition";
import { findResultSet, nbaStatsEnvelopeSchema } from "./formats/nba-stats-result-sets";
import { firstIssue } from "./formats/per-game-payloads";
import { simulatedSchedule } from "./sim/cached-schedule";
import { simulateScoreboard } from "./sim/sim-scoreboard";
import { errorMessage } from "../domain/error-message";

const spec = catalog.scrapers.find((s) => s.name === "nbac_scoreboard_v2");
if (!spec) throw new Error("catalog: scraper nbac_scoreboard_v2 is not declared");

export const nbacScoreboardV2Scraper: ScraperDefinition = {
  spec,
  /** Games: one GameHeader row each. */
  countRecords(payload) {
    const parsed = nbaStatsEnvelopeSchema.safeParse(payload);
    if (!parsed.success) throw new ScrapeError("PAYLOAD_SHAPE", `not an NBA.com stats payload: ${firstIssue(parsed.error, "")}`);
    try {
      findResultSet(parsed.data, "LineScore");
      return findResultSet(parsed.data, "GameHeader").rowSet.length;
    } catch (err) {
      throw new ScrapeError("PAYLOAD_SHAPE", errorMessage(err));
    }
  },
  simulate(scope, options) {
    const schedule = simulatedSchedule(seasonYearForDate(scope.gameDate), options.seed, options.today);
    return simulateScoreboard({ gameDate: scope.gameDate, seed: options.seed, schedule });
  },
};
