/**
 * NBA.com stats `scoreboardV2` for an ET date of a sim schedule: GameHeader and LineScore for every
 * game of the date (final games with the period points their play-by-play scores, so LineScore PTS
 * is the final score), TeamLeaders from the player lines. Series, last-meeting and standings sets
 * are present with their headers but no rows: nothing in the platform reads them. Pure.
 */
import type { PlayerLine } from "./box-score";
import type { ScheduleGame, ScheduleLeagueV2Payload, ScheduleTeam } from "./nba-com-formats";
import { gamesOn, simGameLines } from "./sim-game-lines";
import { simulateGamePlayByPlay } from "./sim-play-by-play";

type Cell = string | number | null;

export const GAME_HEADER_HEADERS = [
  "GAME_DATE_EST", "GAME_SEQUENCE", "GAME_ID", "GAME_STATUS_ID", "GAME_STATUS_TEXT", "GAMECODE", "HOME_TEAM_ID", "VISITOR_TEAM_ID", "SEASON",
  "LIVE_PERIOD", "LIVE_PC_TIME", "NATL_TV_BROADCASTER_ABBREVIATION", "HOME_TV_BROADCASTER_ABBREVIATION", "AWAY_TV_BROADCASTER_ABBREVIATION",
  "LIVE_PERIOD_TIME_BCAST", "ARENA_NAME", "WH_STATUS", "WNBA_COMMISSIONER_FLAG",
] as const;

const OT_COLUMNS = Array.from({ length: 10 }, (_, i) => `PTS_OT${i + 1}`);

export const LINE_SCORE_HEADERS = [
  "GAME_DATE_EST", "GAME_SEQUENCE", "GAME_ID", "TEAM_ID", "TEAM_ABBREVIATION", "TEAM_CITY_NAME", "TEAM_NAME", "TEAM_WINS_LOSSES",
  "PTS_QTR1", "PTS_QTR2", "PTS_QTR3", "PTS_QTR4", ...OT_COLUMNS, "PTS", "FG_PCT", "FT_PCT", "FG3_PCT", "AST", "REB", "TOV",
];

const OTHER_SETS: readonly { name: string; headers: readonly string[] }[] = [
  { name: "SeriesStandings", headers: ["GAME_ID", "HOME_TEAM_ID", "VISITOR_TEAM_ID", "GAME_DATE_EST", "HOME_TEAM_WINS", "HOME_TEAM_LOSSES", "SERIES_LEADER"] },
  {
    name: "LastMeeting",
    headers: [
      "GAME_ID", "LAST_GAME_ID", "LAST_GAME_DATE_EST", "LAST_GAME_HOME_TEAM_ID", "LAST_GAME_HOME_TEAM_CITY", "LAST_GAME_HOME_TEAM_NAME", "LAST_GAME_HOME_TEAM_ABBREVIATION",
      "LAST_GAME_HOME_TEAM_POINTS", "LAST_GAME_VISITOR_TEAM_ID", "LAST_GAME_VISITOR_TEAM_CITY", "LAST_GAME_VISITOR_TEAM_NAME", "LAST_GAME_VISITOR_TEAM_CITY1", "LAST_GAME_VISITOR_TEAM_POINTS",
    ],
  },
  { name: "EastConfStandingsByDay", headers: ["TEAM_ID", "LEAGUE_ID", "SEASON_ID", "STANDINGSDATE", "CONFERENCE", "TEAM", "G", "W", "L", "W_PCT", "HOME_RECORD", "ROAD_RECORD"] },
  { name: "WestConfStandingsByDay", headers: ["TEAM_ID", "LEAGUE_ID", "SEASON_ID", "STANDINGSDATE", "CONFERENCE", "TEAM", "G", "W", "L", "W_PCT", "HOME_RECORD", "ROAD_RECORD"] },
];

const TEAM_LEADERS_HEADERS = [
  "GAME_ID", "TEAM_ID", "TEAM_CITY", "TEAM_NICKNAME", "TEAM_ABBREVIATION", "PTS_PLAYER_ID", "PTS_PLAYER_NAME", "PTS",
  "REB_PLAYER_ID", "REB_PLAYER_NAME", "REB", "AST_PLAYER_ID", "AST_PLAYER_NAME", "AST",
];

export interface ScoreboardPayload {
  readonly resource: "scoreboardV2";
  readonly parameters: { readonly GameDate: string; readonly LeagueID: "00"; readonly DayOffset: "0" };
  readonly resultSets: readonly { readonly name: string; readonly headers: readonly string[]; readonly rowSet: readonly Cell[][] }[];
}

const pct = (made: number, attempts: number): number => (attempts === 0 ? 0 : Math.round((made / attempts) * 1000) / 1000);
const total = (lines: readonly PlayerLine[], k: "fgm" | "fga" | "fg3m" | "fg3a" | "ftm" | "fta" | "ast" | "reb" | "tov"): number => lines.reduce((a, l) => a + l[k], 0);

interface FinalDetail {
  readonly periods: { readonly home: readonly number[]; readonly away: readonly number[] };
  readonly lines: { readonly home: readonly PlayerLine[]; readonly away: readonly PlayerLine[] };
}

function lineScore(gameDate: string, game: ScheduleGame, team: ScheduleTeam, periods: readonly number[] | null, lines: readonly PlayerLine[] | null): Cell[] {
  const quarter = (i: number): number | null => (periods ? (periods[i] ?? 0) : null);
  const stats: Cell[] = lines
    ? [team.score, pct(total(lines, "fgm"), total(lines, "fga")), pct(total(lines, "ftm"), total(lines, "fta")), pct(total(lines, "fg3m"), total(lines, "fg3a")), total(lines, "ast"), total(lines, "reb"), total(lines, "tov")]
    : [null, null, null, null, null, null, null];
  return [
    `${gameDate}T00:00:00`, game.gameSequence, game.gameId, team.teamId, team.teamTricode, team.teamCity, team.teamName, `${team.wins}-${team.losses}`,
    quarter(0), quarter(1), quarter(2), quarter(3), ...OT_COLUMNS.map((_, i) => quarter(4 + i)), ...stats,
  ];
}

function leader(lines: readonly PlayerLine[], k: "pts" | "reb" | "ast"): Cell[] {
  const best = lines.reduce<PlayerLine | null>((b, l) => (b === null || l[k] > b[k] ? l : b), null);
  return best ? [best.player.personId, best.player.name, best[k]] : [null, null, null];
}

export function simulateScoreboard(opts: { readonly gameDate: string; readonly seed: number; readonly schedule: ScheduleLeagueV2Payload }): ScoreboardPayload {
  const { gameDate, seed, schedule } = opts;
  const headers: Cell[][] = [];
  const scores: Cell[][] = [];
  const leaders: Cell[][] = [];
  const available: Cell[][] = [];
  for (const game of gamesOn(schedule, gameDate)) {
    let detail: FinalDetail | null = null;
    if (game.gameStatus === 3) {
      const g = simGameLines(seed, schedule, game);
      const pbp = simulateGamePlayByPlay(seed, g);
      detail = { periods: { home: pbp.homePeriodPoints, away: pbp.awayPeriodPoints }, lines: { home: g.home.lines, away: g.away.lines } };
    }
    const period = detail ? detail.periods.home.length : 0;
    headers.push([
      `${gameDate}T00:00:00`, game.gameSequence, game.gameId, game.gameStatus, game.gameStatusText, game.gameCode, game.homeTeam.teamId, game.awayTeam.teamId,
      schedule.leagueSchedule.seasonYear.slice(0, 4), period, "     ", null, null, null, `Q${period}       - `, game.arenaName, 1, 0,
    ]);
    scores.push(lineScore(gameDate, game, game.awayTeam, detail?.periods.away ?? null, detail?.lines.away ?? null));
    scores.push(lineScore(gameDate, game, game.homeTeam, detail?.periods.home ?? null, detail?.lines.home ?? null));
    available.push([game.gameId, 0]);
    if (detail) {
      for (const [team, lines] of [[game.awayTeam, detail.lines.away], [game.homeTeam, detail.lines.home]] as const) {
        leaders.push([game.gameId, team.teamId, team.teamCity, team.teamName, team.teamTricode, ...leader(lines, "pts"), ...leader(lines, "reb"), ...leader(lines, "ast")]);
      }
    }
  }
  return {
    resource: "scoreboardV2",
    parameters: { GameDate: gameDate, LeagueID: "00", DayOffset: "0" },
    resultSets: [
      { name: "GameHeader", headers: [...GAME_HEADER_HEADERS], rowSet: headers },
      { name: "LineScore", headers: LINE_SCORE_HEADERS, rowSet: scores },
      ...OTHER_SETS.map((s) => ({ name: s.name, headers: [...s.headers], rowSet: [] })),
      { name: "Available", headers: ["GAME_ID", "PT_AVAILABLE"], rowSet: available },
      { name: "TeamLeaders", headers: TEAM_LEADERS_HEADERS, rowSet: leaders },
      { name: "TicketLinks", headers: ["GAME_ID", "LEAG_TIX"], rowSet: [] },
    ],
  };
}
