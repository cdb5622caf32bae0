import { catalog } from "../catalog/catalog";
import { seasonYearForDate } from "../domain/season";
import { errorMessage } from "../domain/error-message";
import { checkShape } from "./base/check-shape";
import { ScrapeError } from "./base/scrape-error";
import type { ScraperDefinition } from "./base/scraper-definition";
import { findResultSet } from "./formats/nba-stats-result-sets";
import { ROSTER_SET, teamRostersSchema } from "./formats/nbac-team-roster";
import { simulateTeamRosters } from "./sim/sim-team-rosters";

const spec = catalog.scrapers.find((s) => s.name === "nbac_team_roster");
if (!spec) throw new Error("catalog: scraper nbac_team_roster is not declared");

export const nbacTeamRosterScraper: ScraperDefinition = {
  spec,
  countRecords(payload) {
    const responses = checkShape(teamRostersSchema, payload, "a list of NBA.com commonteamroster responses");
    return responses.reduce((n, response, i) => {
      try {
        return n + findResultSet(response, ROSTER_SET).rowSet.length;
      } catch (err) {
        throw new ScrapeError("PAYLOAD_SHAPE", `field ${i}.resultSets: ${errorMessage(err)}`);
      }
    }, 0);
  },
  simulate(scope, options) {
    return simulateTeamRosters({ rosterDate: scope.gameDate, seasonYear: seasonYearForDate(scope.gameDate), seed: options.seed });
  },
};
