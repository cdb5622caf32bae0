import { catalog } from "../catalog/catalog";
import { seasonYearForDate } from "../domain/season";
import { ScrapeError } from "./base/scrape-error";
import type { ScraperDefinition } from "./base/scraper-definition";
import { findResultSet, nbaStatsEnvelopeSchema } from "./formats/nba-stats-result-sets";
import { simulatedSchedule } from "./sim/cached-schedule";
import { simulateLeagueGameLog } from "./sim/sim-leaguegamelog";
import { errorMessage } from "../domain/error-message";

const spec = catalog.scrapers.find((s) => s.name === "nbac_player_boxscore");
if (!spec) throw new Error("catalog: scraper nbac_player_boxscore is not declared");

export const nbacPlayerBoxscoreScraper: ScraperDefinition = {
  spec,
  countRecords(payload) {
    const parsed = nbaStatsEnvelopeSchema.safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ScrapeError("PAYLOAD_SHAPE", `not an NBA.com stats payload: field ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}`);
    }
    try {
      return findResultSet(parsed.data, "LeagueGameLog").rowSet.length;
    } catch (err) {
      throw new ScrapeError("PAYLOAD_SHAPE", errorMessage(err));
    }
  },
  simulate(scope, options) {
    const schedule = simulatedSchedule(seasonYearForDate(scope.gameDate), options.seed, options.today);
    return simulateLeagueGameLog({ gameDate: scope.gameDate, seed: options.seed, schedule });
  },
};
