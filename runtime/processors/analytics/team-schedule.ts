import type { ScheduleRow } from "../base/declared-inputs";
import { daysBetween } from "../../domain/et-date";

/** What a team's schedule says going into a game (DOMAIN §4.5), from the season's games before it. */
export interface TeamScheduleContext {
  readonly daysRest: number | null;
  readonly gamesInLast7Days: number;
  readonly gamesInLast14Days: number;
  readonly winStreak: number;
  readonly lossStreak: number;
  /** Home team of the previous game: where the team travels from. */
  readonly previousArena: string | null;
}

/** Last-N-day windows are `game_date - N < d < game_date`. */
const inLastDays = (gameDate: string, d: string, n: number): boolean => d < gameDate && daysBetween(d, gameDate) < n;

export function teamScheduleContext(team: string, gameDate: string, seasonGames: readonly ScheduleRow[]): TeamScheduleContext {
  const before = seasonGames
    .filter((g) => g.game_date < gameDate && (g.home_team_tricode === team || g.away_team_tricode === team))
    .sort((a, b) => (a.game_date < b.game_date ? 1 : a.game_date > b.game_date ? -1 : 0));
  const previous = before[0];
  let winStreak = 0;
  let lossStreak = 0;
  for (const g of before.filter((x) => x.game_status === 3 && x.winning_team_tricode !== null)) {
    const won = g.winning_team_tricode === team;
    if (won && lossStreak === 0) winStreak += 1;
    else if (!won && winStreak === 0) lossStreak += 1;
    else break;
  }
  return {
    daysRest: previous ? daysBetween(previous.game_date, gameDate) : null,
    gamesInLast7Days: before.filter((g) => inLastDays(gameDate, g.game_date, 7)).length,
    gamesInLast14Days: before.filter((g) => inLastDays(gameDate, g.game_date, 14)).length,
    winStreak,
    lossStreak,
    previousArena: previous ? previous.home_team_tricode : null,
  };
}

/** The day's games for a date, two sides each. */
export function sidesOf(game: ScheduleRow): readonly { readonly team: string; readonly opponent: string; readonly home: boolean }[] {
  return [
    { team: game.home_team_tricode, opponent: game.away_team_tricode, home: true },
    { team: game.away_team_tricode, opponent: game.home_team_tricode, home: false },
  ];
}
