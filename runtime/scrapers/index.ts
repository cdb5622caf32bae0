import type { ScraperDefinition } from "./base/scraper-definition";
import { nbacPlayerBoxscoreScraper } from "./nbac-player-boxscore";
import { nbacScheduleScraper } from "./nbac-schedule";
import { bpEventsScraper } from "./bp-events";
import { bpPlayerPropsScraper } from "./bp-player-props";
import { oddsaEventsScraper } from "./oddsa-events";
import { oddsaGameLinesScraper } from "./oddsa-game-lines";
import { oddsaPlayerPropsScraper } from "./oddsa-player-props";
import { nbacTeamBoxscoreScraper } from "./nbac-team-boxscore";
import { nbacPlayByPlayScraper } from "./nbac-play-by-play";
import { nbacScoreboardV2Scraper } from "./nbac-scoreboard-v2";
import { bdlBoxScoresScraper } from "./bdl-box-scores";
import { nbacPlayerMovementScraper } from "./nbac-player-movement";
import { nbacInjuryReportScraper } from "./nbac-injury-report";
import { nbacTeamRosterScraper } from "./nbac-team-roster";

/** Every scraper implementation, in the order a day's run needs them (the schedule first). */
export const scraperDefinitions: readonly ScraperDefinition[] = [
  nbacScheduleScraper,
  nbacPlayerBoxscoreScraper,
  oddsaEventsScraper,
  oddsaPlayerPropsScraper,
  oddsaGameLinesScraper,
  bpEventsScraper,
  bpPlayerPropsScraper,
  nbacTeamBoxscoreScraper,
  nbacPlayByPlayScraper,
  nbacScoreboardV2Scraper,
  bdlBoxScoresScraper,
  nbacPlayerMovementScraper,
  nbacInjuryReportScraper,
  nbacTeamRosterScraper,
];
