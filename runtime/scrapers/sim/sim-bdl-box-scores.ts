/**
 * Ball Don't Lie box scores (DOMAIN §1.5) for one ET date of a sim schedule: the same games, players
 * and points as the sim's NBA.com player lines, plus the roster players who did not play ("00").
 * Games not final yet are listed with their tip instant as status and no players, as BDL does.
 */
import { seasonYearFromLabel } from "../../domain/season";
import { simulateTeamBox, type PlayerLine } from "./box-score";
import { dayGames } from "./day-games";
import { overtimePeriods } from "./game-outcome";
import { simTeam } from "./league";
import type { ScheduleGame, ScheduleLeagueV2Payload, ScheduleTeam } from "./nba-com-formats";
import { teamRoster, type RosterPlayer } from "./rosters";
import { rosterFacts } from "./sim-team-rosters";

export interface BdlSimPlayer {
  readonly min: string;
  readonly fgm: number;
  readonly fga: number;
  readonly fg_pct: number;
  readonly fg3m: number;
  readonly fg3a: number;
  readonly fg3_pct: number;
  readonly ftm: number;
  readonly fta: number;
  readonly ft_pct: number;
  readonly oreb: number;
  readonly dreb: number;
  readonly reb: number;
  readonly ast: number;
  readonly stl: number;
  readonly blk: number;
  readonly turnover: number;
  readonly pf: number;
  readonly pts: number;
  readonly plus_minus: number;
  readonly player: { readonly id: number; readonly first_name: string; readonly last_name: string; readonly position: string; readonly jersey_number: string };
}

export interface BdlSimTeam {
  readonly id: number;
  readonly conference: string;
  readonly city: string;
  readonly name: string;
  readonly full_name: string;
  readonly abbreviation: string;
  readonly players: readonly BdlSimPlayer[];
}

export interface BdlSimGame {
  readonly id: number;
  readonly date: string;
  readonly datetime: string;
  readonly season: number;
  readonly status: string;
  readonly period: number;
  readonly time: string;
  readonly postseason: boolean;
  readonly home_team_score: number;
  readonly visitor_team_score: number;
  readonly home_team: BdlSimTeam;
  readonly visitor_team: BdlSimTeam;
}

export interface BdlSimPayload {
  readonly data: readonly BdlSimGame[];
  readonly meta: { readonly per_page: number };
}

const pct = (made: number, attempts: number): number => (attempts === 0 ? 0 : Math.round((made / attempts) * 1e7) / 1e7);

/** BDL ids are its own small integers; the sim derives them from the NBA id so they are stable. */
const bdlPlayerId = (p: RosterPlayer): number => p.personId % 1_000_000;

type Jerseys = ReadonlyMap<number, { readonly jersey: string }>;

function playerOf(p: RosterPlayer, jerseys: Jerseys): BdlSimPlayer["player"] {
  return { id: bdlPlayerId(p), first_name: p.firstName, last_name: p.lastName, position: p.position, jersey_number: jerseys.get(p.personId)?.jersey ?? "" };
}

function played(l: PlayerLine, jerseys: Jerseys): BdlSimPlayer {
  return {
    min: String(l.min).padStart(2, "0"),
    fgm: l.fgm,
    fga: l.fga,
    fg_pct: pct(l.fgm, l.fga),
    fg3m: l.fg3m,
    fg3a: l.fg3a,
    fg3_pct: pct(l.fg3m, l.fg3a),
    ftm: l.ftm,
    fta: l.fta,
    ft_pct: pct(l.ftm, l.fta),
    oreb: l.oreb,
    dreb: l.dreb,
    reb: l.reb,
    ast: l.ast,
    stl: l.stl,
    blk: l.blk,
    turnover: l.tov,
    pf: l.pf,
    pts: l.pts,
    plus_minus: l.plusMinus,
    player: playerOf(l.player, jerseys),
  };
}

function didNotPlay(p: RosterPlayer, jerseys: Jerseys): BdlSimPlayer {
  const zero = { fgm: 0, fga: 0, fg_pct: 0, fg3m: 0, fg3a: 0, fg3_pct: 0, ftm: 0, fta: 0, ft_pct: 0, oreb: 0, dreb: 0, reb: 0, ast: 0, stl: 0, blk: 0, turnover: 0, pf: 0, pts: 0, plus_minus: 0 };
  return { min: "00", ...zero, player: playerOf(p, jerseys) };
}

function team(seed: number, seasonYear: number, game: ScheduleGame, side: ScheduleTeam, opponent: ScheduleTeam, final: boolean): BdlSimTeam {
  const info = simTeam(side.teamTricode);
  let players: BdlSimPlayer[] = [];
  if (final) {
    const lines = simulateTeamBox({
      seed,
      seasonYear,
      gameId: game.gameId,
      tricode: side.teamTricode,
      points: side.score,
      opponentPoints: opponent.score,
      overtimePeriods: overtimePeriods(seed, game.gameId),
    });
    const inGame = new Set(lines.map((l) => l.player.personId));
    const jerseys = rosterFacts(seed, seasonYear, side.teamTricode);
    players = [...lines.map((l) => played(l, jerseys)), ...teamRoster(seed, seasonYear, side.teamTricode).filter((p) => !inGame.has(p.personId)).map((p) => didNotPlay(p, jerseys))];
  }
  return {
    id: SIM_TEAM_IDS.indexOf(side.teamTricode) + 1,
    conference: info.conference,
    city: info.city,
    name: info.name,
    full_name: `${info.city} ${info.name}`,
    abbreviation: side.teamTricode,
    players,
  };
}

/** BDL numbers teams 1-30 alphabetically by tricode. */
const SIM_TEAM_IDS = ["ATL", "BOS", "BKN", "CHA", "CHI", "CLE", "DAL", "DEN", "DET", "GSW", "HOU", "IND", "LAC", "LAL", "MEM", "MIA", "MIL", "MIN", "NOP", "NYK", "OKC", "ORL", "PHI", "PHX", "POR", "SAC", "SAS", "TOR", "UTA", "WAS"];

export function simulateBdlBoxScores(opts: { readonly gameDate: string; readonly seed: number; readonly schedule: ScheduleLeagueV2Payload }): BdlSimPayload {
  const seasonYear = seasonYearFromLabel(opts.schedule.leagueSchedule.seasonYear);
  const data = dayGames(opts.schedule, opts.gameDate).map((game): BdlSimGame => {
    const final = game.gameStatus === 3;
    const ot = final ? overtimePeriods(opts.seed, game.gameId) : 0;
    return {
      id: Number(game.gameId.slice(-7)),
      date: opts.gameDate,
      datetime: game.gameDateTimeUTC,
      season: seasonYear,
      status: final ? "Final" : game.gameDateTimeUTC,
      period: final ? 4 + ot : 0,
      time: final ? "Final" : "",
      postseason: game.gameId[2] === "4",
      home_team_score: final ? game.homeTeam.score : 0,
      visitor_team_score: final ? game.awayTeam.score : 0,
      home_team: team(opts.seed, seasonYear, game, game.homeTeam, game.awayTeam, final),
      visitor_team: team(opts.seed, seasonYear, game, game.awayTeam, game.homeTeam, final),
    };
  });
  return { data, meta: { per_page: 100 } };
}
