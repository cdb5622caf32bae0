import { round } from "../analytics/formulas";
import { daysBetween } from "../../domain/et-date";

/**
 * DOMAIN §4.5 context metrics of a player for a date, from his games before it. These are the
 * fatigue inputs `upcoming_player_game_context` carries; derived here from the same game lines by
 * the same rules so phase 4 does not wait on that table.
 */
export interface PlayerContext {
  readonly days_rest: number | null;
  readonly games_in_last_7_days: number;
  readonly games_in_last_14_days: number;
  readonly minutes_in_last_7_days: number;
  readonly minutes_in_last_14_days: number;
  readonly avg_minutes_per_game_last_7: number | null;
  readonly back_to_backs_last_14_days: number;
  /** No source of birth dates yet: always null, so fatigue uses its documented default. */
  readonly player_age: number | null;
}

interface DatedMinutes {
  readonly game_date: string;
  readonly minutes_played: number | null;
}

/** `games` are the player's games before `date`, newest first. Windows are `date − N < d < date`. */
export function playerContext(games: readonly DatedMinutes[], date: string): PlayerContext {
  const within = (days: number) => games.filter((g) => daysBetween(g.game_date, date) < days);
  const last7 = within(7);
  const last14 = within(14);
  const minutes = (list: readonly DatedMinutes[]) => round(list.reduce((s, g) => s + (g.minutes_played ?? 0), 0), 2);
  const dates14 = [...new Set(last14.map((g) => g.game_date))].sort();
  let backToBacks = 0;
  for (let i = 1; i < dates14.length; i++) if (daysBetween(dates14[i - 1]!, dates14[i]!) === 1) backToBacks++;
  const previous = games[0];
  return {
    days_rest: previous ? daysBetween(previous.game_date, date) : null,
    games_in_last_7_days: last7.length,
    games_in_last_14_days: last14.length,
    minutes_in_last_7_days: minutes(last7),
    minutes_in_last_14_days: minutes(last14),
    avg_minutes_per_game_last_7: last7.length > 0 ? round(minutes(last7) / last7.length, 2) : null,
    back_to_backs_last_14_days: backToBacks,
    player_age: null,
  };
}
