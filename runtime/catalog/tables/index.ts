import type { TableSpec } from "../types";
import { bdlPlayerBoxscores } from "./bdl-player-boxscores";
import { bettingprosPlayerPointsProps } from "./bettingpros-player-points-props";
import { mlFeatureStoreV2 } from "./ml-feature-store-v2";
import { nbaPlayersRegistry } from "./nba-players-registry";
import { nbacInjuryReport } from "./nbac-injury-report";
import { nbacPlayByPlay } from "./nbac-play-by-play";
import { nbacPlayerBoxscores } from "./nbac-player-boxscores";
import { nbacPlayerMovement } from "./nbac-player-movement";
import { nbacSchedule } from "./nbac-schedule";
import { nbacScoreboardV2 } from "./nbac-scoreboard-v2";
import { nbacTeamBoxscore } from "./nbac-team-boxscore";
import { nbacTeamRosters } from "./nbac-team-rosters";
import { oddsApiGameLines } from "./odds-api-game-lines";
import { oddsApiPlayerPointsProps } from "./odds-api-player-points-props";
import { playerCompositeFactors } from "./player-composite-factors";
import { playerDailyCache } from "./player-daily-cache";
import { playerGameSummary } from "./player-game-summary";
import { playerShotZoneAnalysis } from "./player-shot-zone-analysis";
import { teamDefenseGameSummary } from "./team-defense-game-summary";
import { teamDefenseZoneAnalysis } from "./team-defense-zone-analysis";
import { teamOffenseGameSummary } from "./team-offense-game-summary";
import { upcomingPlayerGameContext } from "./upcoming-player-game-context";
import { upcomingTeamGameContext } from "./upcoming-team-game-context";
import { validationResults } from "./validation-results";
import { validationRuns } from "./validation-runs";

export {
  bdlPlayerBoxscores,
  bettingprosPlayerPointsProps,
  mlFeatureStoreV2,
  nbaPlayersRegistry,
  nbacInjuryReport,
  nbacPlayByPlay,
  nbacPlayerBoxscores,
  nbacPlayerMovement,
  nbacSchedule,
  nbacScoreboardV2,
  nbacTeamBoxscore,
  nbacTeamRosters,
  oddsApiGameLines,
  oddsApiPlayerPointsProps,
  playerCompositeFactors,
  playerDailyCache,
  playerGameSummary,
  playerShotZoneAnalysis,
  teamDefenseGameSummary,
  teamDefenseZoneAnalysis,
  teamOffenseGameSummary,
  upcomingPlayerGameContext,
  upcomingTeamGameContext,
  validationResults,
  validationRuns,
};

export const tables: readonly TableSpec[] = [
  // nba_raw
  nbacSchedule,
  nbacPlayerBoxscores,
  nbacTeamBoxscore,
  nbacPlayByPlay,
  nbacInjuryReport,
  bdlPlayerBoxscores,
  oddsApiPlayerPointsProps,
  bettingprosPlayerPointsProps,
  nbacTeamRosters,
  nbacScoreboardV2,
  nbacPlayerMovement,
  oddsApiGameLines,
  // nba_reference
  nbaPlayersRegistry,
  // nba_analytics
  teamOffenseGameSummary,
  teamDefenseGameSummary,
  playerGameSummary,
  upcomingPlayerGameContext,
  upcomingTeamGameContext,
  // nba_precompute
  teamDefenseZoneAnalysis,
  playerShotZoneAnalysis,
  playerDailyCache,
  playerCompositeFactors,
  // nba_predictions
  mlFeatureStoreV2,
  // nba_orchestration
  validationResults,
  validationRuns,
];
