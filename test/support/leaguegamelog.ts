/** A leaguegamelog payload (NBA.com stats `resultSets`) built line by line for lifecycle tests. */
const HEADERS = ["SEASON_ID", "PLAYER_ID", "PLAYER_NAME", "TEAM_ID", "TEAM_ABBREVIATION", "TEAM_NAME", "GAME_ID", "GAME_DATE", "MATCHUP", "WL", "MIN", "FGM", "FGA", "FG_PCT", "FG3M", "FG3A", "FG3_PCT", "FTM", "FTA", "FT_PCT", "OREB", "DREB", "REB", "AST", "STL", "BLK", "TOV", "PF", "PTS", "PLUS_MINUS", "FANTASY_PTS", "VIDEO_AVAILABLE"];

export function gameLogLine(overrides: Record<string, unknown> = {}): unknown[] {
  const base: Record<string, unknown> = {
    SEASON_ID: "22024", PLAYER_ID: 201939, PLAYER_NAME: "Stephen Curry", TEAM_ID: 1610612744, TEAM_ABBREVIATION: "GSW", TEAM_NAME: "Golden State Warriors",
    GAME_ID: "0022400974", GAME_DATE: "2025-03-15", MATCHUP: "GSW vs. NYK", WL: "W", MIN: 35, FGM: 8, FGA: 20, FG_PCT: 0.4, FG3M: 4, FG3A: 13, FG3_PCT: 0.308,
    FTM: 8, FTA: 9, FT_PCT: 0.889, OREB: 0, DREB: 7, REB: 7, AST: 5, STL: 0, BLK: 1, TOV: 3, PF: 2, PTS: 28, PLUS_MINUS: -5, FANTASY_PTS: 43.9, VIDEO_AVAILABLE: 1,
    ...overrides,
  };
  return HEADERS.map((h) => base[h]);
}

export const gameLog = (rows: unknown[][]) => ({ resource: "leaguegamelog", parameters: {}, resultSets: [{ name: "LeagueGameLog", headers: HEADERS, rowSet: rows }] });
