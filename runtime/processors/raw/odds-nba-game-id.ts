import type { Row } from "../../catalog/derive/row-type";
import type { ScheduledGame } from "./scheduled-games";

/**
 * The NBA game id of an Odds API event (DOMAIN §1.6, §2): the stored schedule's game of the
 * event's ET date with the same home and away tricodes (the full team names were mapped to
 * tricodes already). Null when the schedule has no such game: the ids are never mixed.
 */
export function nbaGameIdOf(schedule: readonly ScheduledGame[] | undefined, home: string, away: string): string | null {
  const matches = (schedule ?? []).filter((g) => g.homeTeam === home && g.awayTeam === away);
  return matches.length === 1 ? matches[0]!.nbaGameId : null;
}

/**
 * The events whose rows carry no nba_game_id, for the run's metadata: the column is nullable by
 * the table's rules, so they load, and are counted rather than left NULL in silence.
 */
export function unmatchedOddsEvents(rows: readonly Row[]): Readonly<Record<string, unknown>> | undefined {
  const events = [...new Set(rows.filter((r) => r.nba_game_id === null).map((r) => String(r.odds_api_event_id)))].sort();
  return events.length === 0 ? undefined : { events_without_nba_game_id: events, rows_without_nba_game_id: rows.filter((r) => r.nba_game_id === null).length };
}
