import { runnable, type RunnableAnalyticsProcessor } from "./analytics-processor";
import { playerGameSummaryProcessor } from "./player-game-summary";
import { teamDefenseProcessor } from "./team-defense-game-summary";
import { teamOffenseProcessor } from "./team-offense-game-summary";
import { upcomingPlayerGameContextProcessor } from "./upcoming-player-game-context";
import { upcomingTeamGameContextProcessor } from "./upcoming-team-game-context";
import { nbaPlayersRegistryProcessor } from "../reference/nba-players-registry";

/**
 * Phase-3 implementations in dependency order (team offense feeds team defense and the player
 * summary's usage rate; the player summary feeds the upcoming-game contexts' history).
 */
export const analyticsProcessors: readonly RunnableAnalyticsProcessor[] = [
  runnable(teamOffenseProcessor),
  runnable(teamDefenseProcessor),
  runnable(playerGameSummaryProcessor),
  runnable(upcomingPlayerGameContextProcessor),
  runnable(upcomingTeamGameContextProcessor),
  nbaPlayersRegistryProcessor,
];
