import type { TableSpec } from "../types";
import { nbacPlayerBoxscores } from "./nbac-player-boxscores";
import { nbacSchedule } from "./nbac-schedule";
import { nbacTeamBoxscore } from "./nbac-team-boxscore";
import { playerGameSummary } from "./player-game-summary";
import { teamDefenseGameSummary } from "./team-defense-game-summary";
import { teamOffenseGameSummary } from "./team-offense-game-summary";

export { nbacPlayerBoxscores, nbacSchedule, nbacTeamBoxscore, playerGameSummary, teamDefenseGameSummary, teamOffenseGameSummary };

export const tables: readonly TableSpec[] = [
  nbacSchedule,
  nbacPlayerBoxscores,
  nbacTeamBoxscore,
  teamOffenseGameSummary,
  teamDefenseGameSummary,
  playerGameSummary,
];
