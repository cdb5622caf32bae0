import type { RowOf } from "../../catalog/derive/row-type";
import type { playerGameSummary } from "../../catalog/tables/player-game-summary";
import { seasonYearForDate } from "../../domain/season";
import { DatedIndex } from "./dated-index";
import type { SeasonCalendar, TeamGame } from "./season-calendar";

export type PlayerGame = RowOf<typeof playerGameSummary>;

/** A player expected on a date: his latest game this season was for a team that plays that day. */
export interface SlatePlayer {
  readonly player_lookup: string;
  readonly universal_player_id: string | null;
  readonly team_abbr: string;
  readonly season_year: number;
  readonly game: TeamGame;
}

export const played = (g: PlayerGame): boolean => (g.minutes_played ?? 0) > 0;

/**
 * Every player's game lines, answering only with games before a date. The player set of a date
 * comes from the schedule of that date and the games before it, so nothing played on or after
 * the analysis date can reach a precompute row (DOMAIN §3.4 point in time).
 */
export class PlayerHistory {
  private readonly index: DatedIndex<PlayerGame>;

  constructor(rows: readonly PlayerGame[]) {
    this.index = new DatedIndex(rows, (r) => r.player_lookup);
  }

  /** The player's games this season before the date, newest first. */
  seasonGamesBefore(player: string, date: string, limit = Number.POSITIVE_INFINITY, keep: (g: PlayerGame) => boolean = played): PlayerGame[] {
    const season = seasonYearForDate(date);
    return this.index.newestBefore(player, date, limit, (g) => g.season_year === season && keep(g));
  }

  /** Games before the date (any season) against one opponent since a start date, newest first. */
  gamesAgainst(player: string, date: string, opponent: string, since: string): PlayerGame[] {
    return this.index.newestBefore(player, date, Number.POSITIVE_INFINITY, (g) => g.game_date >= since && g.opponent_team_abbr === opponent && played(g));
  }

  slate(date: string, calendar: SeasonCalendar): SlatePlayer[] {
    const games = calendar.gamesOn(date);
    if (games.size === 0) return [];
    const out: SlatePlayer[] = [];
    for (const player of this.index.keys()) {
      const latest = this.seasonGamesBefore(player, date, 1, () => true)[0];
      const game = latest ? games.get(latest.team_abbr) : undefined;
      if (!latest || !game) continue;
      out.push({ player_lookup: player, universal_player_id: latest.universal_player_id, team_abbr: latest.team_abbr, season_year: latest.season_year, game });
    }
    return out.sort((a, b) => (a.player_lookup < b.player_lookup ? -1 : 1));
  }
}
