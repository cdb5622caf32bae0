import type { ScraperDefinition } from "./base/scraper-definition";
import { nbacPlayerBoxscoreScraper } from "./nbac-player-boxscore";
import { nbacScheduleScraper } from "./nbac-schedule";
import { bdlBoxScoresScraper } from "./bdl-box-scores";
import { nbacPlayerMovementScraper } from "./nbac-player-movement";
import { nbacInjuryReportScraper } from "./nbac-injury-report";
import { nbacTeamRosterScraper } from "./nbac-team-roster";

/** Every scraper implementation, in the order a day's run needs them (the schedule first). */
export const scraperDefinitions: readonly ScraperDefinition[] = [
  nbacScheduleScraper,
  nbacPlayerBoxscoreScraper,
  bdlBoxScoresScraper,
  nbacPlayerMovementScraper,
  nbacInjuryReportScraper,
  nbacTeamRosterScraper,
];
