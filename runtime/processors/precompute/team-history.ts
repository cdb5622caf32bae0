import type { RowOf } from "../../catalog/derive/row-type";
import type { teamOffenseGameSummary } from "../../catalog/tables/team-offense-game-summary";
import { seasonYearForDate } from "../../domain/season";
import { DatedIndex } from "./dated-index";
import { mean } from "./stats";

type TeamGame = RowOf<typeof teamOffenseGameSummary>;

/** Team offense rows by team, answering only with games before a date. */
export class TeamHistory {
  private readonly index: DatedIndex<TeamGame>;

  constructor(rows: readonly TeamGame[]) {
    this.index = new DatedIndex(rows, (r) => r.team_abbr);
  }

  seasonGamesBefore(team: string, date: string, limit = Number.POSITIVE_INFINITY): TeamGame[] {
    const season = seasonYearForDate(date);
    return this.index.newestBefore(team, date, limit, (g) => g.season_year === season);
  }

  /** Mean pace over the team's last 10 games this season before the date. */
  paceLast10(team: string, date: string): number | null {
    return mean(
      this.seasonGamesBefore(team, date, 10).map((g) => g.pace),
      4,
    );
  }

  /** DOMAIN §4.5: the team's last-10 mean pace minus the opponent's; null when either has no games. */
  paceDifferential(team: string, opponent: string, date: string): number | null {
    const own = this.paceLast10(team, date);
    const opp = this.paceLast10(opponent, date);
    return own === null || opp === null ? null : Math.round((own - opp) * 100) / 100;
  }

  /** Season wins / games before the date; null before the first game. */
  winPct(team: string, date: string): number | null {
    const games = this.seasonGamesBefore(team, date);
    if (games.length === 0) return null;
    return Math.round((games.filter((g) => g.win_flag === true).length / games.length) * 1000) / 1000;
  }
}
