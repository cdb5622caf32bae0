/**
 * The player lines of a date's final games, exactly the lines the sim leaguegamelog reports: the
 * team box score, play-by-play and scoreboard sims start from these, so a sim day adds up across
 * every source (team points = player points = the schedule's final score).
 */
import { seasonYearFromLabel } from "../../domain/season";
import { simulateTeamBox, type PlayerLine } from "./box-score";
import { overtimePeriods } from "./game-outcome";
import type { ScheduleGame, ScheduleLeagueV2Payload, ScheduleTeam } from "./nba-com-formats";

export interface SimTeamGame {
  readonly team: ScheduleTeam;
  readonly isHome: boolean;
  readonly lines: readonly PlayerLine[];
}

export interface SimGameLines {
  readonly game: ScheduleGame;
  readonly seasonYear: number;
  readonly overtimePeriods: number;
  readonly away: SimTeamGame;
  readonly home: SimTeamGame;
}

/** Every game of the schedule whose ET date is `gameDate`, in schedule order. */
export function gamesOn(schedule: ScheduleLeagueV2Payload, gameDate: string): ScheduleGame[] {
  return schedule.leagueSchedule.gameDates.flatMap((d) => d.games).filter((g) => g.gameDateEst.slice(0, 10) === gameDate);
}

/** The lines of one final game; the same inputs the leaguegamelog sim uses, so the same numbers. */
export function simGameLines(seed: number, schedule: ScheduleLeagueV2Payload, game: ScheduleGame): SimGameLines {
  const seasonYear = seasonYearFromLabel(schedule.leagueSchedule.seasonYear);
  const ot = overtimePeriods(seed, game.gameId);
  const side = (team: ScheduleTeam, opponent: ScheduleTeam, isHome: boolean): SimTeamGame => ({
    team,
    isHome,
    lines: simulateTeamBox({ seed, seasonYear, gameId: game.gameId, tricode: team.teamTricode, points: team.score, opponentPoints: opponent.score, overtimePeriods: ot }),
  });
  return { game, seasonYear, overtimePeriods: ot, away: side(game.awayTeam, game.homeTeam, false), home: side(game.homeTeam, game.awayTeam, true) };
}

/** The final games of a date with their lines. */
export function finalGameLines(seed: number, schedule: ScheduleLeagueV2Payload, gameDate: string): SimGameLines[] {
  return gamesOn(schedule, gameDate)
    .filter((g) => g.gameStatus === 3)
    .map((g) => simGameLines(seed, schedule, g));
}
