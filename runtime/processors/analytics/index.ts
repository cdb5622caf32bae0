import { runnable, type RunnableAnalyticsProcessor } from "./analytics-processor";
import { playerGameSummaryProcessor } from "./player-game-summary";
import { teamDefenseProcessor } from "./team-defense-game-summary";
import { teamOffenseProcessor } from "./team-offense-game-summary";
import { nbaPlayersRegistryProcessor } from "../reference/nba-players-registry";

/**
 * Phase-3 implementations in dependency order (team offense feeds team defense and the player
 * summary's usage rate).
 */
export const analyticsProcessors: readonly RunnableAnalyticsProcessor[] = [
  runnable(teamOffenseProcessor),
  runnable(teamDefenseProcessor),
  runnable(playerGameSummaryProcessor),
  runnable(nbaPlayersRegistryProcessor),
];
