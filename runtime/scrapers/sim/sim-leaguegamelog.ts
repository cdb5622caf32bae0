/**
 * NBA.com stats leaguegamelog (PlayerOrTeam=P) for one ET date of a sim schedule: every player line
 * of that date's final games. Pure: no I/O, no clock, no Math.random.
 */
import { isIsoDate } from "../../domain/et-date";
import { seasonYearFromLabel } from "../../domain/season";
import {
  LEAGUE_GAME_LOG_HEADERS,
  type LeagueGameLogPayload,
  type LeagueGameLogRow,
  type ScheduleGame,
  type ScheduleLeagueV2Payload,
  type ScheduleTeam,
} from "./nba-com-formats";
import { overtimePeriods } from "./game-outcome";
import { simulateTeamBox, type PlayerLine } from "./box-score";

export interface SimulateLeagueGameLogOptions {
  /** ET date YYYY-MM-DD. */
  readonly gameDate: string;
  /** Must be the seed the schedule was generated with. */
  readonly seed: number;
  readonly schedule: ScheduleLeagueV2Payload;
}

const pct = (made: number, attempts: number): number | null => (attempts === 0 ? null : Math.round((made / attempts) * 1000) / 1000);

/** NBA.com fantasy points: PTS + 1.2 REB + 1.5 AST + 3 STL + 3 BLK - TOV. */
const fantasy = (l: PlayerLine): number => Math.round((l.pts + 1.2 * l.reb + 1.5 * l.ast + 3 * l.stl + 3 * l.blk - l.tov) * 10) / 10;

function overtimeInStatus(statusText: string): number | null {
  const m = /^Final(?:\/OT(\d*))?$/.exec(statusText);
  if (!m) return null;
  if (m[0] === "Final") return 0;
  return m[1] ? Number(m[1]) : 1;
}

function teamRows(seed: number, seasonYear: number, game: ScheduleGame, gameDate: string, team: ScheduleTeam, opponent: ScheduleTeam, isHome: boolean, ot: number): LeagueGameLogRow[] {
  const lines = simulateTeamBox({
    seed,
    seasonYear,
    gameId: game.gameId,
    tricode: team.teamTricode,
    points: team.score,
    opponentPoints: opponent.score,
    overtimePeriods: ot,
  });
  const matchup = isHome ? `${team.teamTricode} vs. ${opponent.teamTricode}` : `${team.teamTricode} @ ${opponent.teamTricode}`;
  const wl = team.score > opponent.score ? "W" : "L";
  return lines.map((l) => [
    `2${seasonYear}`,
    l.player.personId,
    l.player.name,
    team.teamId,
    team.teamTricode,
    `${team.teamCity} ${team.teamName}`,
    game.gameId,
    gameDate,
    matchup,
    wl,
    l.min,
    l.fgm,
    l.fga,
    pct(l.fgm, l.fga),
    l.fg3m,
    l.fg3a,
    pct(l.fg3m, l.fg3a),
    l.ftm,
    l.fta,
    pct(l.ftm, l.fta),
    l.oreb,
    l.dreb,
    l.reb,
    l.ast,
    l.stl,
    l.blk,
    l.tov,
    l.pf,
    l.pts,
    l.plusMinus,
    fantasy(l),
    1,
  ]);
}

export function simulateLeagueGameLog(opts: SimulateLeagueGameLogOptions): LeagueGameLogPayload {
  const { gameDate, seed, schedule } = opts;
  if (!isIsoDate(gameDate)) throw new Error(`gameDate must be a date YYYY-MM-DD, got "${gameDate}"`);
  const label = schedule.leagueSchedule.seasonYear;
  const seasonYear = seasonYearFromLabel(label);
  const rows: LeagueGameLogRow[] = [];
  for (const day of schedule.leagueSchedule.gameDates) {
    for (const game of day.games) {
      if (game.gameStatus !== 3 || game.gameDateEst.slice(0, 10) !== gameDate) continue;
      const ot = overtimePeriods(seed, game.gameId);
      const published = overtimeInStatus(game.gameStatusText);
      if (published !== null && published !== ot) {
        throw new Error(`game ${game.gameId} is "${game.gameStatusText}" but seed ${seed} gives ${ot} overtime period(s): was the schedule generated with another seed?`);
      }
      if (game.homeTeam.score === game.awayTeam.score) throw new Error(`final game ${game.gameId} is tied ${game.homeTeam.score}-${game.awayTeam.score}`);
      rows.push(...teamRows(seed, seasonYear, game, gameDate, game.awayTeam, game.homeTeam, false, ot));
      rows.push(...teamRows(seed, seasonYear, game, gameDate, game.homeTeam, game.awayTeam, true, ot));
    }
  }
  return {
    resource: "leaguegamelog",
    parameters: {
      LeagueID: "00",
      Season: label,
      SeasonType: "Regular Season",
      PlayerOrTeam: "P",
      Counter: 1000,
      Sorter: "DATE",
      Direction: "DESC",
      DateFrom: gameDate,
      DateTo: gameDate,
    },
    resultSets: [{ name: "LeagueGameLog", headers: [...LEAGUE_GAME_LOG_HEADERS], rowSet: rows }],
  };
}
