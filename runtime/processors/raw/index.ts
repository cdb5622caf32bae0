import { nbacPlayerBoxscoresProcessor } from "./nbac-player-boxscores";
import { nbacScheduleProcessor } from "./nbac-schedule";
import { bettingprosPlayerPointsPropsProcessor } from "./bettingpros-player-points-props";
import { oddsApiGameLinesProcessor } from "./odds-api-game-lines";
import { oddsApiPlayerPointsPropsProcessor } from "./odds-api-player-points-props";
import { nbacTeamBoxscoreProcessor } from "./nbac-team-boxscore";
import { nbacPlayByPlayProcessor } from "./nbac-play-by-play";
import { nbacScoreboardV2Processor } from "./nbac-scoreboard-v2";
import type { RawProcessorDefinition } from "./raw-processor";
import { bdlPlayerBoxscoresProcessor } from "./bdl-player-boxscores";
import { nbacPlayerMovementProcessor } from "./nbac-player-movement";
import { nbacInjuryReportProcessor } from "./nbac-injury-report";
import { nbacTeamRostersProcessor } from "./nbac-team-rosters";

/** Every phase-2 processor implementation, by catalog processor name. */
export const rawProcessors: readonly RawProcessorDefinition[] = [
  nbacScheduleProcessor,
  nbacPlayerBoxscoresProcessor,
  oddsApiPlayerPointsPropsProcessor,
  oddsApiGameLinesProcessor,
  bettingprosPlayerPointsPropsProcessor,
  nbacTeamBoxscoreProcessor,
  nbacPlayByPlayProcessor,
  nbacScoreboardV2Processor,
  bdlPlayerBoxscoresProcessor,
  nbacPlayerMovementProcessor,
  nbacInjuryReportProcessor,
  nbacTeamRostersProcessor,
];
