import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { parseLeagueGameLog } from "../../runtime/processors/raw/nbac-player-boxscores";
import { parseSchedulePayload } from "../../runtime/processors/raw/nbac-schedule";
import type { RawParseContext } from "../../runtime/processors/raw/raw-processor";
import { ProcessorError } from "../../runtime/processors/base/processor-error";
import { describeWithSamples, samplePath } from "../support/samples";

const context = (gameDate: string): RawParseContext => ({
  source: "/replay/file.json",
  objectUri: "file:///objects/file.json",
  scope: gameDate,
  gameDate,
  processedAt: "2025-03-16T10:00:00.000Z",
});

const HEADERS = ["SEASON_ID", "PLAYER_ID", "PLAYER_NAME", "TEAM_ID", "TEAM_ABBREVIATION", "TEAM_NAME", "GAME_ID", "GAME_DATE", "MATCHUP", "WL", "MIN", "FGM", "FGA", "FG_PCT", "FG3M", "FG3A", "FG3_PCT", "FTM", "FTA", "FT_PCT", "OREB", "DREB", "REB", "AST", "STL", "BLK", "TOV", "PF", "PTS", "PLUS_MINUS", "FANTASY_PTS", "VIDEO_AVAILABLE"];

function line(overrides: Record<string, unknown> = {}): unknown[] {
  const base: Record<string, unknown> = {
    SEASON_ID: "22024", PLAYER_ID: 201939, PLAYER_NAME: "Stephen Curry", TEAM_ID: 1610612744, TEAM_ABBREVIATION: "GSW", TEAM_NAME: "Golden State Warriors",
    GAME_ID: "0022400974", GAME_DATE: "2025-03-15", MATCHUP: "GSW vs. NYK", WL: "W", MIN: 35, FGM: 8, FGA: 20, FG_PCT: 0.4, FG3M: 4, FG3A: 13, FG3_PCT: 0.308,
    FTM: 8, FTA: 9, FT_PCT: 0.889, OREB: 0, DREB: 7, REB: 7, AST: 5, STL: 0, BLK: 1, TOV: 3, PF: 2, PTS: 28, PLUS_MINUS: -5, FANTASY_PTS: 43.9, VIDEO_AVAILABLE: 1,
    ...overrides,
  };
  return HEADERS.map((h) => base[h]);
}

const gameLog = (rows: unknown[][]) => ({ resource: "leaguegamelog", parameters: {}, resultSets: [{ name: "LeagueGameLog", headers: HEADERS, rowSet: rows }] });

describe("leaguegamelog parser", () => {
  test("a player line becomes a row with canonical and NBA ids, home/away from MATCHUP, minutes as MM:SS", () => {
    const { rows, quarantined } = parseLeagueGameLog(gameLog([line(), line({ PLAYER_ID: 1629628, PLAYER_NAME: "RJ Barrett", TEAM_ABBREVIATION: "NYK", MATCHUP: "NYK @ GSW", WL: "L" })]), context("2025-03-15"));
    expect(quarantined).toEqual([]);
    expect(rows[0]).toMatchObject({ game_id: "20250315_NYK_GSW", nba_game_id: "0022400974", team_abbr: "GSW", opponent_team_abbr: "NYK", is_home: true, minutes: "35:00", minutes_decimal: 35, points: 28, player_lookup: "stephencurry", starter: null, season_year: 2024 });
    expect(rows[1]).toMatchObject({ game_id: "20250315_NYK_GSW", team_abbr: "NYK", opponent_team_abbr: "GSW", is_home: false, game_result: "L" });
  });

  test.each([
    [{ MIN: "4O:12" }, "MIN", "4O:12"],
    [{ PTS: "28" }, "PTS", "28"],
    [{ TEAM_ABBREVIATION: "XYZ" }, "TEAM_ABBREVIATION", "XYZ"],
    [{ MATCHUP: "GSW v NYK" }, "MATCHUP", "GSW v NYK"],
    [{ GAME_DATE: "2025-03-14" }, "GAME_DATE", "2025-03-14"],
    [{ GAME_ID: "22400974" }, "GAME_ID", "22400974"],
  ])("a record with %p is quarantined naming the file, the record and the field", (override, field, value) => {
    const { rows, quarantined } = parseLeagueGameLog(gameLog([line(), line({ PLAYER_ID: 2, PLAYER_NAME: "Bad Line", ...override })]), context("2025-03-15"));
    expect(rows).toHaveLength(1);
    expect(quarantined).toEqual([{ source: "/replay/file.json", record: expect.stringContaining("rowSet[1] (PLAYER_ID 2"), field, value, reason: expect.any(String), index: 1 }]);
  });

  test("a payload without the LeagueGameLog set is refused as a whole, naming the file", () => {
    const bad = { resource: "leaguegamelog", parameters: {}, resultSets: [{ name: "Other", headers: ["A"], rowSet: [] }] };
    expect(() => parseLeagueGameLog(bad, context("2025-03-15"))).toThrow(ProcessorError);
    expect(() => parseLeagueGameLog({ resultSets: "nope" }, context("2025-03-15"))).toThrow(/\/replay\/file\.json: payload field/);
  });
});

describeWithSamples("parsers on the real captures", () => {
  test("leaguegamelog 2025-03-15: every line parses, points per team-game add to the schedule's scores", () => {
    const payload: unknown = JSON.parse(readFileSync(samplePath("nbac_player_boxscore/2025-03-15/leaguegamelog.json"), "utf8"));
    const { rows, quarantined } = parseLeagueGameLog(payload, context("2025-03-15"));
    expect(quarantined).toEqual([]);
    expect(rows).toHaveLength(157);
    const schedule = parseSchedulePayload(JSON.parse(gunzipSync(readFileSync(samplePath("nbac_schedule/2024-25/schedule.json.gz"))).toString("utf8")), context("2025-03-15"));
    const games = schedule.rows.filter((g) => g.game_date === "2025-03-15");
    expect(games).toHaveLength(8);
    for (const g of games) {
      for (const [team, score] of [[g.home_team_tricode, g.home_team_score], [g.away_team_tricode, g.away_team_score]] as const) {
        const sum = rows.filter((r) => r.nba_game_id === g.game_id && r.team_abbr === team).reduce((a, r) => a + Number(r.points), 0);
        expect({ game: g.game_id, team, sum }).toEqual({ game: g.game_id, team, sum: score });
      }
    }
  });

  test("schedule 2024-25: 1,400 games read, 1,320 stored (regular incl. Cup, play-in, playoffs), 80 filtered, ET dates and real tips", () => {
    const payload: unknown = JSON.parse(gunzipSync(readFileSync(samplePath("nbac_schedule/2024-25/schedule.json.gz"))).toString("utf8"));
    const { rows, quarantined, filtered } = parseSchedulePayload(payload, context("2025-03-15"));
    expect(quarantined).toEqual([]);
    expect(rows).toHaveLength(1320);
    expect(filtered).toBe(80);
    expect(rows.filter((r) => r.is_regular_season)).toHaveLength(1230);
    expect(rows.filter((r) => r.is_playoffs)).toHaveLength(84);
    expect(rows.filter((r) => r.is_play_in)).toHaveLength(6);
    const gsw = rows.find((r) => r.game_id === "0022400974");
    // An 8:30 PM ET tip on March 15 is 00:30Z on March 16: the game date is the ET date, not the UTC one.
    expect(gsw).toMatchObject({ game_date: "2025-03-15", canonical_game_id: "20250315_NYK_GSW", home_team_score: 97, away_team_score: 94, winning_team_tricode: "GSW", game_status: 3, game_start_utc: "2025-03-16T00:30:00.000Z" });
  });
});

describe("schedule parser", () => {
  const game = (overrides: Record<string, unknown>) => ({
    gameId: "0022400968", gameCode: "20250315/BOSBKN", gameStatus: 1, gameStatusText: "7:00 pm ET", gameDateEst: "2025-03-15T00:00:00Z",
    gameDateTimeEst: "2025-03-15T19:00:00Z", gameDateTimeUTC: "2025-03-15T23:00:00Z", gameLabel: "", postponedStatus: "N",
    homeTeam: { teamId: 1610612751, teamTricode: "BKN", score: 0 }, awayTeam: { teamId: 1610612738, teamTricode: "BOS", score: 0 },
    ...overrides,
  });
  const payload = (games: unknown[]) => ({ leagueSchedule: { seasonYear: "2024-25", gameDates: [{ gameDate: "03/15/2025 00:00:00", games }] } });

  test("a game not yet played stores no score (NBA.com publishes 0-0 before tip)", () => {
    const { rows } = parseSchedulePayload(payload([game({})]), context("2025-03-15"));
    expect(rows[0]).toMatchObject({ home_team_score: null, away_team_score: null, winning_team_tricode: null, game_status: 1 });
  });

  test("preseason and All-Star games are filtered and counted, not stored", () => {
    const { rows, filtered } = parseSchedulePayload(payload([game({ gameId: "0012400001" }), game({ gameId: "0032400001", homeTeam: { teamId: 1, teamTricode: "CHK", score: 0 } })]), context("2025-03-15"));
    expect(rows).toHaveLength(0);
    expect(filtered).toBe(2);
  });

  test("a final game tied, or a team outside the league, is quarantined with the field named", () => {
    const { quarantined } = parseSchedulePayload(
      payload([
        game({ gameStatus: 3, homeTeam: { teamId: 1, teamTricode: "BKN", score: 100 }, awayTeam: { teamId: 2, teamTricode: "BOS", score: 100 } }),
        game({ gameId: "0022400969", awayTeam: { teamId: 2, teamTricode: "SEA", score: 0 } }),
      ]),
      context("2025-03-15"),
    );
    expect(quarantined.map((q) => [q.field, q.value])).toEqual([
      ["homeTeam.score", 100],
      ["awayTeam.teamTricode", "SEA"],
    ]);
  });
});
