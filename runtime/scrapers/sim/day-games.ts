import type { ScheduleGame, ScheduleLeagueV2Payload } from "./nba-com-formats";

/** The games of one ET date in a sim schedule (final or not), in schedule order. */
export function dayGames(schedule: ScheduleLeagueV2Payload, gameDate: string): ScheduleGame[] {
  return schedule.leagueSchedule.gameDates.flatMap((day) => day.games.filter((g) => g.gameDateEst.slice(0, 10) === gameDate));
}
