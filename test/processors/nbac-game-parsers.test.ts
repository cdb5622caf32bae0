import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { parseSchedulePayload } from "../../runtime/processors/raw/nbac-schedule";
import { parsePlayByPlays } from "../../runtime/processors/raw/nbac-play-by-play";
import { parseScoreboardV2 } from "../../runtime/processors/raw/nbac-scoreboard-v2";
import { parseTeamBoxscores } from "../../runtime/processors/raw/nbac-team-boxscore";
import type { RawParseContext } from "../../runtime/processors/raw/raw-processor";
import { scheduledGameFromRow, type ScheduledGame } from "../../runtime/processors/raw/scheduled-games";
import { describeWithSamples, samplePath } from "../support/samples";

const readJson = (...parts: string[]): unknown => {
  const bytes = readFileSync(samplePath(...parts));
  return JSON.parse((parts.at(-1)?.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8"));
};

const context = (gameDate: string, schedule?: readonly ScheduledGame[]): RawParseContext => ({
  source: "/replay/file.json",
  objectUri: "file:///objects/file.json",
  scope: gameDate,
  gameDate,
  processedAt: "2025-03-16T10:00:00.000Z",
  ...(schedule ? { schedule } : {}),
});

/** The schedule sample, through the schedule parser: the independent source of each game's teams and final score. */
let seasonRows: ReturnType<typeof parseSchedulePayload>["rows"] | null = null;
function scheduleOf(gameDate: string): ScheduledGame[] {
  seasonRows ??= parseSchedulePayload(readJson("nbac_schedule", "2024-25", "schedule.json.gz"), context(gameDate)).rows;
  return seasonRows.filter((r) => r.game_date === gameDate).map(scheduledGameFromRow);
}


interface StatsPayload {
  resultSets: { name: string; headers: string[]; rowSet: unknown[][] }[];
}

function setCell(payload: StatsPayload, set: string, row: number, header: string, value: unknown): void {
  const s = payload.resultSets.find((r) => r.name === set)!;
  s.rowSet[row]![s.headers.indexOf(header)] = value;
}

describeWithSamples("NBA.com game-level sources on the real captures", () => {
  describe("team box score 2025-01-15 (NYK 125 @ PHI 119, one overtime)", () => {
    const payload = () => [readJson("nbac_team_boxscore", "2025-01-15", "0022400561.json")] as StatsPayload[];
    const schedule = () => scheduleOf("2025-01-15");

    test("two team rows whose points equal the schedule's final score and the sum of the player lines", () => {
      const { rows, quarantined, filtered } = parseTeamBoxscores(payload(), context("2025-01-15", schedule()));
      expect(quarantined).toEqual([]);
      expect(filtered).toBe(0);
      const game = schedule().find((g) => g.nbaGameId === "0022400561")!;
      expect(game).toMatchObject({ gameId: "20250115_NYK_PHI", homeTeam: "PHI", awayTeam: "NYK", homeScore: 119, awayScore: 125 });
      expect(rows.map((r) => [r.team_abbr, r.is_home, r.points, r.minutes, r.game_id, r.nba_game_id, r.season_year])).toEqual([
        ["PHI", true, game.homeScore, "265:00", "20250115_NYK_PHI", "0022400561", 2024],
        ["NYK", false, game.awayScore, "265:00", "20250115_NYK_PHI", "0022400561", 2024],
      ]);
      const players = payload()[0]!.resultSets.find((s) => s.name === "PlayerStats")!;
      const col = (h: string) => players.headers.indexOf(h);
      const dnp = players.rowSet.filter((r) => r[col("MIN")] === null);
      expect(dnp.length).toBeGreaterThan(0);
      for (const r of dnp) expect(r[col("COMMENT")]).toMatch(/^DN[PD] - /);
      expect(rows.find((r) => r.team_abbr === "NYK")).toMatchObject({ turnovers: 13, field_goals_attempted: 86, three_pointers_attempted: 37, plus_minus: 6, data_source: "nbac_boxscore" });
    });

    test.each([
      ["PlayerStats", 1, "MIN", "44:3O", "MIN"],
      ["PlayerStats", 1, "PTS", "17", "PTS"],
      ["TeamStats", 0, "PTS", 120, "PTS"],
      ["TeamStats", 1, "MIN", "265", "MIN"],
      ["TeamStats", 1, "TEAM_ABBREVIATION", "BOS", "TEAM_ABBREVIATION"],
    ])("%s row %p with %s = %p is quarantined naming the field and the value", (set, row, header, value, field) => {
      const bad = payload();
      setCell(bad[0]!, set, row, header, value);
      const { quarantined } = parseTeamBoxscores(bad, context("2025-01-15", schedule()));
      expect(quarantined).toContainEqual({ source: "/replay/file.json", record: expect.stringContaining(`resultSets[${set}].rowSet[${row}]`), field, value, reason: expect.any(String), index: expect.any(Number) });
    });

    test("a game the stored schedule does not hold for the date is quarantined, never guessed", () => {
      const { rows, quarantined } = parseTeamBoxscores(payload(), context("2025-01-15", schedule().filter((g) => g.nbaGameId !== "0022400561")));
      expect(rows).toEqual([]);
      expect(quarantined.map((q) => [q.field, q.value])).toEqual([
        ["GAME_ID", "0022400561"],
        ["GAME_ID", "0022400561"],
      ]);
    });

    test("games on a date the stored schedule has nothing for fail the run once, naming the date and the way out", () => {
      expect(() => parseTeamBoxscores(payload(), context("2025-01-15", []))).toThrow(/stored schedule holds no game on 2025-01-15.*load nbac_schedule/);
      expect(parseTeamBoxscores([], context("2025-01-15", []))).toEqual({ rows: [], quarantined: [], filtered: 0 });
    });

    test("the same game captured twice keeps the later file and counts the earlier one's rows as filtered", () => {
      const { rows, filtered } = parseTeamBoxscores([...payload(), ...payload()], context("2025-01-15", schedule()));
      expect(rows).toHaveLength(2);
      expect(filtered).toBe(2);
    });
  });

  describe("play-by-play 2025-01-06 (LAC 106 @ MIN 108)", () => {
    const payload = () => [readJson("nbac_play_by_play", "2025-01-06", "0022400500.json.gz")] as { game: { actions: Record<string, unknown>[] } }[];
    const schedule = () => scheduleOf("2025-01-06");

    test("571 actions, the last one's scores equal the schedule's final score, and the made shots add up to it", () => {
      const { rows, quarantined } = parsePlayByPlays(payload(), context("2025-01-06", schedule()));
      expect(quarantined).toEqual([]);
      expect(rows).toHaveLength(571);
      const game = schedule().find((g) => g.nbaGameId === "0022400500")!;
      expect(game).toMatchObject({ gameId: "20250106_LAC_MIN", homeTeam: "MIN", awayTeam: "LAC", homeScore: 108, awayScore: 106 });
      const last = rows.at(-1)!;
      expect([last.event_type, last.score_home, last.score_away]).toEqual(["game", game.homeScore, game.awayScore]);
      const points = (team: string) =>
        rows.filter((r) => r.player_1_team_abbr === team && r.shot_made === true).reduce((a, r) => a + (r.shot_type === "3PT" ? 3 : r.shot_type === "2PT" ? 2 : 1), 0);
      expect({ MIN: points("MIN"), LAC: points("LAC") }).toEqual({ MIN: game.homeScore, LAC: game.awayScore });
      expect(rows.filter((r) => r.shot_type === "2PT" || r.shot_type === "3PT")).toHaveLength(181);
      expect(rows.filter((r) => r.shot_type === "FT")).toHaveLength(42);
    });

    test("clock as an ISO-8601 duration becomes MM:SS, seconds left and seconds elapsed; shot fields are kept", () => {
      const { rows } = parsePlayByPlays(payload(), context("2025-01-06", schedule()));
      expect(rows.find((r) => r.event_id === 12)).toMatchObject({
        game_id: "20250106_LAC_MIN", period: 1, game_clock: "11:15", game_clock_seconds: 675, time_elapsed_seconds: 45, event_type: "2pt", event_action_type: "Jump Shot",
        player_1_id: 203944, player_1_team_abbr: "MIN", player_1_lookup: null, shot_made: false, shot_type: "2PT", shot_distance: 9.83, shot_area: "Mid-Range",
        score_home: 0, score_away: 0, event_time_utc: "2025-01-07T01:12:08.000Z",
      });
      expect(rows.find((r) => r.event_id === 34)).toMatchObject({ event_type: "turnover", player_1_team_abbr: "MIN", player_3_id: 202695, player_3_team_abbr: "LAC", shot_type: null });
    });

    test.each([
      ["clock", "11:15"],
      ["scoreHome", "1O8"],
      ["shotResult", "Maybe"],
      ["teamTricode", "SEA"],
      ["isFieldGoal", 0],
    ])("an action with %s = %p is quarantined naming the field and the value", (field, value) => {
      const bad = payload();
      const index = bad[0]!.game.actions.findIndex((a) => a.actionType === "2pt");
      bad[0]!.game.actions[index]![field] = value;
      const { rows, quarantined } = parsePlayByPlays(bad, context("2025-01-06", schedule()));
      expect(rows).toHaveLength(570);
      expect(quarantined).toEqual([{ source: "/replay/file.json", record: expect.stringContaining(`[0].game.actions[${index}]`), field, value, reason: expect.any(String), index: expect.any(Number) }]);
    });

    test("a stored capture wrapping the feed as {metadata, playByPlay} parses the same", () => {
      const wrapped = payload().map((p) => ({ metadata: { game_id: "0022400500", eventCount: 571 }, playByPlay: p }));
      expect(parsePlayByPlays(wrapped, context("2025-01-06", schedule())).rows).toEqual(parsePlayByPlays(payload(), context("2025-01-06", schedule())).rows);
    });
  });

  describe("scoreboardV2 2025-01-15", () => {
    const payload = () => readJson("nbac_scoreboard_v2", "2025-01-15", "scoreboard.json") as StatsPayload;

    test("11 final games; LineScore PTS equals the schedule's final score for all 22 team-games", () => {
      const { rows, quarantined } = parseScoreboardV2(payload(), context("2025-01-15"));
      expect(quarantined).toEqual([]);
      expect(rows).toHaveLength(11);
      const schedule = scheduleOf("2025-01-15");
      expect(schedule).toHaveLength(11);
      const teamGames = rows.flatMap((r) => [
        [r.nba_game_id, r.home_team_abbr, r.home_team_score],
        [r.nba_game_id, r.away_team_abbr, r.away_team_score],
      ]);
      const expected = schedule.flatMap((g) => [
        [g.nbaGameId, g.homeTeam, g.homeScore],
        [g.nbaGameId, g.awayTeam, g.awayScore],
      ]);
      expect(teamGames).toHaveLength(22);
      expect(teamGames.sort()).toEqual(expected.sort());
      for (const r of rows) expect(schedule.find((g) => g.nbaGameId === r.nba_game_id)?.gameId).toBe(r.game_id);
      expect(rows.every((r) => r.game_status === 3 && r.season_year === 2024)).toBe(true);
      expect(rows.find((r) => r.nba_game_id === "0022400561")).toMatchObject({
        game_id: "20250115_NYK_PHI", period: 5, home_period_points: [21, 26, 38, 24, 10], away_period_points: [30, 30, 25, 24, 16], game_status_text: "Final", live_clock: null,
      });
    });

    test.each([
      ["GameHeader", 0, "SEASON", 2024, "SEASON"],
      ["GameHeader", 1, "GAME_STATUS_ID", 7, "GAME_STATUS_ID"],
      ["GameHeader", 2, "GAME_DATE_EST", "2025-01-16T00:00:00", "GAME_DATE_EST"],
      ["LineScore", 0, "PTS", 124, "PTS"],
    ])("%s row %p with %s = %p quarantines its game naming the field and the value", (set, row, header, value, field) => {
      const bad = payload();
      setCell(bad, set, row, header, value);
      const { rows, quarantined } = parseScoreboardV2(bad, context("2025-01-15"));
      expect(rows).toHaveLength(10);
      expect(quarantined).toEqual([{ source: "/replay/file.json", record: expect.stringContaining("resultSets[GameHeader].rowSet["), field, value, reason: expect.any(String), index: expect.any(Number) }]);
    });
  });
});
