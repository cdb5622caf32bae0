import type { RowOf } from "../../catalog/derive/row-type";
import type { nbacSchedule } from "../../catalog/tables/nbac-schedule";
import { daysBetween } from "../../domain/et-date";
import { seasonYearForDate } from "../../domain/season";
import { DatedIndex } from "./dated-index";

type ScheduleRow = RowOf<typeof nbacSchedule>;

/** One side of a scheduled game. */
export interface TeamGame {
  readonly game_date: string;
  /** Canonical YYYYMMDD_AWAY_HOME key. */
  readonly game_id: string;
  readonly nba_game_id: string;
  readonly season_year: number;
  readonly team: string;
  readonly opponent: string;
  readonly is_home: boolean;
}

/** DOMAIN §3.4: the first 14 days of a season are early season. */
export const EARLY_SEASON_DAYS = 14;

/**
 * What the schedule says, which is known before any game is played: who plays on a date, when a
 * season starts (computed from its games, never hard-coded), and how many games a team was
 * scheduled before a date (expected games come only from scheduled dates, DOMAIN §4.6).
 */
export class SeasonCalendar {
  private readonly byTeam: DatedIndex<TeamGame>;
  private readonly onDate = new Map<string, TeamGame[]>();
  private readonly starts = new Map<number, string>();
  private readonly teams = new Map<number, Set<string>>();

  constructor(schedule: readonly ScheduleRow[]) {
    const sides: TeamGame[] = [];
    for (const g of schedule) {
      const base = { game_date: g.game_date, game_id: g.canonical_game_id, nba_game_id: g.game_id, season_year: g.season_year };
      sides.push({ ...base, team: g.home_team_tricode, opponent: g.away_team_tricode, is_home: true });
      sides.push({ ...base, team: g.away_team_tricode, opponent: g.home_team_tricode, is_home: false });
      const teams = this.teams.get(g.season_year) ?? new Set<string>();
      teams.add(g.home_team_tricode).add(g.away_team_tricode);
      this.teams.set(g.season_year, teams);
      if (g.is_regular_season) {
        const start = this.starts.get(g.season_year);
        if (start === undefined || g.game_date < start) this.starts.set(g.season_year, g.game_date);
      }
    }
    for (const side of sides) {
      const list = this.onDate.get(side.game_date);
      if (list) list.push(side);
      else this.onDate.set(side.game_date, [side]);
    }
    this.byTeam = new DatedIndex(sides, (s) => s.team);
  }

  /** Both sides of every game on the date, by team. */
  gamesOn(date: string): ReadonlyMap<string, TeamGame> {
    return new Map((this.onDate.get(date) ?? []).map((g) => [g.team, g]));
  }

  /** Every team in the schedule of the date's season. */
  teamsOfSeason(date: string): string[] {
    return [...(this.teams.get(seasonYearForDate(date)) ?? [])].sort();
  }

  seasonStart(date: string): string | null {
    return this.starts.get(seasonYearForDate(date)) ?? null;
  }

  isEarlySeason(date: string): boolean {
    const start = this.seasonStart(date);
    return start !== null && daysBetween(start, date) < EARLY_SEASON_DAYS;
  }

  /** Scheduled games of the team this season before the date. */
  scheduledBefore(team: string, date: string): number {
    const season = seasonYearForDate(date);
    return this.byTeam.newestBefore(team, date, Number.POSITIVE_INFINITY, (g) => g.season_year === season).length;
  }

  /** Days since the team's previous game this season; null without one. */
  teamDaysRest(team: string, date: string): number | null {
    const season = seasonYearForDate(date);
    const previous = this.byTeam.newestBefore(team, date, 1, (g) => g.season_year === season)[0];
    return previous ? daysBetween(previous.game_date, date) : null;
  }
}
