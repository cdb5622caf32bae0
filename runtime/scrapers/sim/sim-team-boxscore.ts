/**
 * NBA.com stats `boxscore` payloads (one per final game, as the live source serves them) for an ET
 * date of a sim schedule: PlayerStats with "MM:SS" minutes and DNP rows whose stats are all null,
 * TeamStats summing the player lines, TeamStarterBenchStats with the real feed's shifted Bench
 * name columns. Pure: no I/O, no clock, no Math.random.
 */
import type { PlayerLine } from "./box-score";
import type { ScheduleLeagueV2Payload } from "./nba-com-formats";
import { teamRoster } from "./rosters";
import { finalGameLines, type SimGameLines, type SimTeamGame } from "./sim-game-lines";

export const PLAYER_STATS_HEADERS = [
  "GAME_ID", "TEAM_ID", "TEAM_ABBREVIATION", "TEAM_CITY", "PLAYER_ID", "PLAYER_NAME", "NICKNAME", "START_POSITION", "COMMENT", "MIN",
  "FGM", "FGA", "FG_PCT", "FG3M", "FG3A", "FG3_PCT", "FTM", "FTA", "FT_PCT", "OREB", "DREB", "REB", "AST", "STL", "BLK", "TO", "PF", "PTS", "PLUS_MINUS",
] as const;

export const TEAM_STATS_HEADERS = [
  "GAME_ID", "TEAM_ID", "TEAM_NAME", "TEAM_ABBREVIATION", "TEAM_CITY", "MIN",
  "FGM", "FGA", "FG_PCT", "FG3M", "FG3A", "FG3_PCT", "FTM", "FTA", "FT_PCT", "OREB", "DREB", "REB", "AST", "STL", "BLK", "TO", "PF", "PTS", "PLUS_MINUS",
] as const;

const STARTER_BENCH_HEADERS = [
  "GAME_ID", "TEAM_ID", "TEAM_NAME", "TEAM_ABBREVIATION", "TEAM_CITY", "STARTERS_BENCH", "MIN",
  "FGM", "FGA", "FG_PCT", "FG3M", "FG3A", "FG3_PCT", "FTM", "FTA", "FT_PCT", "OREB", "DREB", "REB", "AST", "STL", "BLK", "TO", "PF", "PTS",
] as const;

type Cell = string | number | null;

export interface BoxscorePayload {
  readonly resource: "boxscore";
  readonly parameters: { readonly GameID: string; readonly StartPeriod: 0; readonly EndPeriod: 0; readonly StartRange: 0; readonly EndRange: 0; readonly RangeType: 0 };
  readonly resultSets: readonly { readonly name: string; readonly headers: readonly string[]; readonly rowSet: readonly Cell[][] }[];
}

const pct = (made: number, attempts: number): number => (attempts === 0 ? 0 : Math.round((made / attempts) * 1000) / 1000);

interface Totals {
  min: number;
  fgm: number;
  fga: number;
  fg3m: number;
  fg3a: number;
  ftm: number;
  fta: number;
  oreb: number;
  dreb: number;
  reb: number;
  ast: number;
  stl: number;
  blk: number;
  tov: number;
  pf: number;
  pts: number;
  plusMinus: number;
}

function sum(lines: readonly PlayerLine[]): Totals {
  const t: Totals = { min: 0, fgm: 0, fga: 0, fg3m: 0, fg3a: 0, ftm: 0, fta: 0, oreb: 0, dreb: 0, reb: 0, ast: 0, stl: 0, blk: 0, tov: 0, pf: 0, pts: 0, plusMinus: 0 };
  for (const l of lines) for (const k of Object.keys(t) as (keyof Totals)[]) t[k] += l[k];
  return t;
}

/** FGM .. PTS in the order every boxscore set lists them. */
const shooting = (t: Totals): Cell[] => [
  t.fgm, t.fga, pct(t.fgm, t.fga), t.fg3m, t.fg3a, pct(t.fg3m, t.fg3a), t.ftm, t.fta, pct(t.ftm, t.fta),
  t.oreb, t.dreb, t.reb, t.ast, t.stl, t.blk, t.tov, t.pf, t.pts,
];

function playerRows(seed: number, g: SimGameLines, side: SimTeamGame): Cell[][] {
  const { team } = side;
  const played = new Set(side.lines.map((l) => l.player.personId));
  const rows = side.lines.map((l, i): Cell[] => [
    g.game.gameId, team.teamId, team.teamTricode, team.teamCity, l.player.personId, l.player.name, l.player.firstName,
    i < 5 ? l.player.position : "", "", `${l.min}:00`, ...shooting(l), l.plusMinus,
  ]);
  const dnp = teamRoster(seed, g.seasonYear, team.teamTricode).filter((p) => !played.has(p.personId));
  for (const p of dnp) {
    rows.push([g.game.gameId, team.teamId, team.teamTricode, team.teamCity, p.personId, p.name, p.firstName, "", "DNP - Coach's Decision", null, ...Array<null>(19).fill(null)]);
  }
  return rows;
}

function teamRow(g: SimGameLines, side: SimTeamGame, opponent: SimTeamGame): Cell[] {
  const t = sum(side.lines);
  return [g.game.gameId, side.team.teamId, side.team.teamName, side.team.teamTricode, side.team.teamCity, `${240 + 25 * g.overtimePeriods}:00`, ...shooting(t), side.team.score - opponent.team.score];
}

function starterBenchRows(g: SimGameLines, side: SimTeamGame): Cell[][] {
  const minutes = (lines: readonly PlayerLine[]): string => `${lines.reduce((a, l) => a + l.min, 0)}:00`;
  const starters = side.lines.slice(0, 5);
  const bench = side.lines.slice(5);
  const { teamId, teamName, teamTricode, teamCity } = side.team;
  return [
    [g.game.gameId, teamId, teamName, teamTricode, teamCity, "Starters", minutes(starters), ...shooting(sum(starters))],
    // NBA.com shifts the name columns on Bench rows (DOMAIN §1.1): readers key teams by TEAM_ID.
    [g.game.gameId, teamId, teamTricode, teamCity, teamName.toLowerCase(), "Bench", minutes(bench), ...shooting(sum(bench))],
  ];
}

export function simulateBoxscore(seed: number, g: SimGameLines): BoxscorePayload {
  return {
    resource: "boxscore",
    parameters: { GameID: g.game.gameId, StartPeriod: 0, EndPeriod: 0, StartRange: 0, EndRange: 0, RangeType: 0 },
    resultSets: [
      { name: "PlayerStats", headers: [...PLAYER_STATS_HEADERS], rowSet: [...playerRows(seed, g, g.away), ...playerRows(seed, g, g.home)] },
      { name: "TeamStats", headers: [...TEAM_STATS_HEADERS], rowSet: [teamRow(g, g.home, g.away), teamRow(g, g.away, g.home)] },
      { name: "TeamStarterBenchStats", headers: [...STARTER_BENCH_HEADERS], rowSet: [...starterBenchRows(g, g.away), ...starterBenchRows(g, g.home)] },
    ],
  };
}

/** One boxscore payload per final game of the date: the day's team box score capture. */
export function simulateTeamBoxscores(opts: { readonly gameDate: string; readonly seed: number; readonly schedule: ScheduleLeagueV2Payload }): BoxscorePayload[] {
  return finalGameLines(opts.seed, opts.schedule, opts.gameDate).map((g) => simulateBoxscore(opts.seed, g));
}
