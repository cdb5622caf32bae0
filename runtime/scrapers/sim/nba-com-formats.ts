/**
 * What the sim emits, shaped like NBA.com's payloads (scheduleleaguev2 and stats leaguegamelog).
 * Plain interfaces of the emitted data; the parsers validate real and sim payloads with zod.
 */

export interface ScheduleMeta {
  readonly version: number;
  readonly request: string;
  readonly time: string;
}

export interface ScheduleTeam {
  readonly teamId: number;
  readonly teamName: string;
  readonly teamCity: string;
  readonly teamTricode: string;
  readonly teamSlug: string;
  readonly wins: number;
  readonly losses: number;
  readonly score: number;
  readonly seed: number;
}

export interface SchedulePointsLeader {
  readonly personId: number;
  readonly firstName: string;
  readonly lastName: string;
  readonly teamId: number;
  readonly teamCity: string;
  readonly teamName: string;
  readonly teamTricode: string;
  readonly points: number;
}

export interface ScheduleBroadcaster {
  readonly broadcasterScope: string;
  readonly broadcasterMedia: string;
  readonly broadcasterId: number;
  readonly broadcasterDisplay: string;
  readonly broadcasterAbbreviation: string;
  readonly broadcasterDescription: string;
  readonly tapeDelayComments: string;
  readonly broadcasterVideoLink: string;
  readonly regionId: number;
  readonly broadcasterTeamId: number;
  readonly broadcasterRanking: number | null;
}

export interface ScheduleBroadcasters {
  readonly nationalTvBroadcasters: readonly ScheduleBroadcaster[];
  readonly nationalRadioBroadcasters: readonly ScheduleBroadcaster[];
  readonly nationalOttBroadcasters: readonly ScheduleBroadcaster[];
  readonly homeTvBroadcasters: readonly ScheduleBroadcaster[];
  readonly homeRadioBroadcasters: readonly ScheduleBroadcaster[];
  readonly homeOttBroadcasters: readonly ScheduleBroadcaster[];
  readonly awayTvBroadcasters: readonly ScheduleBroadcaster[];
  readonly awayRadioBroadcasters: readonly ScheduleBroadcaster[];
  readonly awayOttBroadcasters: readonly ScheduleBroadcaster[];
  readonly intlRadioBroadcasters: readonly ScheduleBroadcaster[];
  readonly intlTvBroadcasters: readonly ScheduleBroadcaster[];
  readonly intlOttBroadcasters: readonly ScheduleBroadcaster[];
}

/** 1 = scheduled, 2 = in progress, 3 = final. */
export type GameStatus = 1 | 2 | 3;

export interface ScheduleGame {
  /** "00224NNNNN": 00, game-type digit (2 = regular season), season YY, 5-digit number. */
  readonly gameId: string;
  /** "20250315/BOSBKN": ET date / away + home tricodes. */
  readonly gameCode: string;
  readonly gameStatus: GameStatus;
  /** "Final", "Final/OT", "Final/OT2" or the tip time, e.g. "7:30 pm ET". */
  readonly gameStatusText: string;
  readonly gameSequence: number;
  /** ET calendar date at midnight, written with a Z: "2025-03-15T00:00:00Z". */
  readonly gameDateEst: string;
  /** ET wall time on 1900-01-01 with a Z: "1900-01-01T19:30:00Z". */
  readonly gameTimeEst: string;
  /** ET wall date and time with a Z. */
  readonly gameDateTimeEst: string;
  /** The UTC instant of ET midnight of the game date. */
  readonly gameDateUTC: string;
  readonly gameTimeUTC: string;
  /** The real UTC tip instant. */
  readonly gameDateTimeUTC: string;
  /** Local wall time of each team's home time zone, with a Z. */
  readonly awayTeamTime: string;
  readonly homeTeamTime: string;
  readonly day: string;
  readonly monthNum: number;
  readonly weekNumber: number;
  readonly weekName: string;
  readonly ifNecessary: boolean;
  readonly seriesGameNumber: string;
  readonly gameLabel: string;
  readonly gameSubLabel: string;
  readonly seriesText: string;
  readonly arenaName: string;
  readonly arenaState: string;
  readonly arenaCity: string;
  readonly postponedStatus: string;
  readonly branchLink: string;
  readonly gameSubtype: string;
  readonly isNeutral: boolean;
  readonly broadcasters: ScheduleBroadcasters;
  readonly homeTeam: ScheduleTeam;
  readonly awayTeam: ScheduleTeam;
  readonly pointsLeaders: readonly SchedulePointsLeader[];
}

export interface ScheduleGameDate {
  /** "03/15/2025 00:00:00" */
  readonly gameDate: string;
  readonly games: readonly ScheduleGame[];
}

export interface ScheduleWeek {
  readonly weekNumber: number;
  readonly weekName: string;
  readonly startDate: string;
  readonly endDate: string;
}

export interface ScheduleBroadcasterListEntry {
  readonly broadcasterId: number;
  readonly broadcasterDisplay: string;
  readonly broadcasterAbbreviation: string;
  readonly broadcasterDescription: string;
  readonly regionId: number;
}

export interface ScheduleLeagueV2Payload {
  readonly meta: ScheduleMeta;
  readonly leagueSchedule: {
    /** Season label, "2024-25". */
    readonly seasonYear: string;
    readonly leagueId: string;
    readonly gameDates: readonly ScheduleGameDate[];
    readonly weeks: readonly ScheduleWeek[];
    readonly broadcasterList: readonly ScheduleBroadcasterListEntry[];
  };
}

export const LEAGUE_GAME_LOG_HEADERS = [
  "SEASON_ID", "PLAYER_ID", "PLAYER_NAME", "TEAM_ID", "TEAM_ABBREVIATION", "TEAM_NAME", "GAME_ID", "GAME_DATE",
  "MATCHUP", "WL", "MIN", "FGM", "FGA", "FG_PCT", "FG3M", "FG3A", "FG3_PCT", "FTM", "FTA", "FT_PCT", "OREB", "DREB",
  "REB", "AST", "STL", "BLK", "TOV", "PF", "PTS", "PLUS_MINUS", "FANTASY_PTS", "VIDEO_AVAILABLE",
] as const;

export type LeagueGameLogHeader = (typeof LEAGUE_GAME_LOG_HEADERS)[number];

/** One positional row, in LEAGUE_GAME_LOG_HEADERS order. Percentages are null when there were no attempts. */
export type LeagueGameLogRow = [
  seasonId: string,
  playerId: number,
  playerName: string,
  teamId: number,
  teamAbbreviation: string,
  teamName: string,
  gameId: string,
  gameDate: string,
  matchup: string,
  wl: "W" | "L",
  min: number,
  fgm: number,
  fga: number,
  fgPct: number | null,
  fg3m: number,
  fg3a: number,
  fg3Pct: number | null,
  ftm: number,
  fta: number,
  ftPct: number | null,
  oreb: number,
  dreb: number,
  reb: number,
  ast: number,
  stl: number,
  blk: number,
  tov: number,
  pf: number,
  pts: number,
  plusMinus: number,
  fantasyPts: number,
  videoAvailable: number,
];

export interface LeagueGameLogPayload {
  readonly resource: "leaguegamelog";
  readonly parameters: {
    readonly LeagueID: string;
    readonly Season: string;
    readonly SeasonType: string;
    readonly PlayerOrTeam: "P";
    readonly Counter: number;
    readonly Sorter: string;
    readonly Direction: string;
    readonly DateFrom: string;
    readonly DateTo: string;
  };
  readonly resultSets: readonly [
    {
      readonly name: "LeagueGameLog";
      readonly headers: readonly LeagueGameLogHeader[];
      readonly rowSet: readonly LeagueGameLogRow[];
    },
  ];
}
