import type { ScraperDefinition } from "./base/scraper-definition";
import { nbacPlayerBoxscoreScraper } from "./nbac-player-boxscore";
import { nbacScheduleScraper } from "./nbac-schedule";
import { nbacTeamBoxscoreScraper } from "./nbac-team-boxscore";
import { nbacPlayByPlayScraper } from "./nbac-play-by-play";
import { nbacScoreboardV2Scraper } from "./nbac-scoreboard-v2";

/** Every scraper implementation, in the order a day's run needs them (the schedule first). */
export const scraperDefinitions: readonly ScraperDefinition[] = [
  nbacScheduleScraper,
  nbacPlayerBoxscoreScraper,
  nbacTeamBoxscoreScraper,
  nbacPlayByPlayScraper,
  nbacScoreboardV2Scraper,
];
