import { catalog } from "../catalog/catalog";
import { seasonYearForDate } from "../domain/season";
import { ScrapeError } from "./base/scrape-error";
import type { ScraperDefinition } from "./base/scraper-definition";
import { parsePlayByPlay } from "./formats/nba-com-play-by-play";
import { firstIssue, perGamePayloadsSchema } from "./formats/per-game-payloads";
import { simulatedSchedule } from "./sim/cached-schedule";
import { simulatePlayByPlays } from "./sim/sim-play-by-play";

const spec = catalog.scrapers.find((s) => s.name === "nbac_play_by_play");
if (!spec) throw new Error("catalog: scraper nbac_play_by_play is not declared");

export const nbacPlayByPlayScraper: ScraperDefinition = {
  spec,
  replayFiles: "every",
  /** Actions, over every game of the date. */
  countRecords(payload) {
    const games = perGamePayloadsSchema.safeParse(payload);
    if (!games.success) throw new ScrapeError("PAYLOAD_SHAPE", `not a list of NBA.com play-by-play payloads: ${firstIssue(games.error, "")}`);
    let count = 0;
    games.data.forEach((game, i) => {
      const parsed = parsePlayByPlay(game);
      if (parsed.error) throw new ScrapeError("PAYLOAD_SHAPE", `not an NBA.com play-by-play payload: ${firstIssue(parsed.error, `[${i}]`)}`);
      count += parsed.game.actions.length;
    });
    return count;
  },
  simulate(scope, options) {
    const schedule = simulatedSchedule(seasonYearForDate(scope.gameDate), options.seed, options.today);
    return simulatePlayByPlays({ gameDate: scope.gameDate, seed: options.seed, schedule });
  },
};
