import { catalog } from "../catalog/catalog";
import { seasonYearForDate } from "../domain/season";
import { ScrapeError } from "./base/scrape-error";
import type { ScraperDefinition } from "./base/scraper-definition";
import { findResultSet, nbaStatsEnvelopeSchema } from "./formats/nba-stats-result-sets";
import { firstIssue, perGamePayloadsSchema } from "./formats/per-game-payloads";
import { simulatedSchedule } from "./sim/cached-schedule";
import { simulateTeamBoxscores } from "./sim/sim-team-boxscore";
import { errorMessage } from "../domain/error-message";

const spec = catalog.scrapers.find((s) => s.name === "nbac_team_boxscore");
if (!spec) throw new Error("catalog: scraper nbac_team_boxscore is not declared");

export const nbacTeamBoxscoreScraper: ScraperDefinition = {
  spec,
  replayFiles: "every",
  /** Team rows: two per game (TeamStats). */
  countRecords(payload) {
    const games = perGamePayloadsSchema.safeParse(payload);
    if (!games.success) throw new ScrapeError("PAYLOAD_SHAPE", `not a list of NBA.com boxscore payloads: ${firstIssue(games.error, "")}`);
    let count = 0;
    games.data.forEach((game, i) => {
      const parsed = nbaStatsEnvelopeSchema.safeParse(game);
      if (!parsed.success) throw new ScrapeError("PAYLOAD_SHAPE", `not an NBA.com boxscore payload: ${firstIssue(parsed.error, `[${i}]`)}`);
      try {
        count += findResultSet(parsed.data, "TeamStats").rowSet.length;
      } catch (err) {
        throw new ScrapeError("PAYLOAD_SHAPE", `[${i}]: ${errorMessage(err)}`);
      }
    });
    return count;
  },
  simulate(scope, options) {
    const schedule = simulatedSchedule(seasonYearForDate(scope.gameDate), options.seed, options.today);
    return simulateTeamBoxscores({ gameDate: scope.gameDate, seed: options.seed, schedule });
  },
};
