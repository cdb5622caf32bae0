import { join } from "node:path";
import { catalog, duckdbColumnType, tableId } from "../../runtime/catalog";
import { runCliCaptured } from "../support/cli";
import { useTempDir } from "../support/temp-dir";
import { FIVE_TABLES, queryRows, tableCounts, warehouseShapes } from "../support/warehouse-queries";

describe("pipeline on the sim source (what npm start runs)", () => {
  const tmp = useTempDir("sim");
  const dataDir = () => join(tmp(), "data");
  let code: number;
  let stdout: string;

  beforeAll(async () => {
    ({ code, stdout } = await runCliCaptured(["pipeline", "--date", "2025-03-15", "--source", "sim", "--data-dir", dataDir()]));
    // The default now runs phase 4 and validates its tables too.
  }, 180_000);

  test("succeeds offline and prints a table per phase", () => {
    expect(code).toBe(0);
    for (const title of ["Phase 1: scrapers", "Phase 2: raw", "Phase 3: analytics", "warehouse statements:"]) expect(stdout).toContain(title);
  });

  test("writes rows to all five tables", async () => {
    const counts = await tableCounts(dataDir());
    for (const t of FIVE_TABLES) expect({ table: t.id, hasRows: (counts[t.id]?.rows ?? 0) > 0 }).toEqual({ table: t.id, hasRows: true });
  });

  test("simulated player points add up to the simulated final scores, through analytics", async () => {
    const rows = await queryRows(
      dataDir(),
      `SELECT o.team_abbr, o.points_scored, CASE WHEN s.home_team_tricode = o.team_abbr THEN s.home_team_score ELSE s.away_team_score END AS final_score,
              (SELECT SUM(points) FROM nba_analytics.player_game_summary p WHERE p.game_date = o.game_date AND p.game_id = o.game_id AND p.team_abbr = o.team_abbr) AS player_points
       FROM nba_analytics.team_offense_game_summary o JOIN nba_raw.nbac_schedule s ON s.game_id = o.nba_game_id AND s.game_date = o.game_date
       WHERE o.game_date = DATE '2025-03-15'`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect([r.points_scored, r.player_points]).toEqual([r.final_score, r.final_score]);
  });

  test("the betting sources load the sim day: props for the day's players, lines per game, ET game dates", async () => {
    const rows = await queryRows(
      dataDir(),
      `SELECT (SELECT COUNT(*) FROM nba_raw.odds_api_player_points_props p JOIN nba_raw.nbac_player_boxscores b ON b.player_lookup = p.player_lookup AND b.game_id = p.game_id AND b.game_date = p.game_date WHERE p.game_date = DATE '2025-03-15') AS props_with_box,
              (SELECT COUNT(DISTINCT g.game_id) FROM nba_raw.odds_api_game_lines g JOIN nba_raw.nbac_schedule s ON s.canonical_game_id = g.game_id AND s.game_date = g.game_date WHERE g.game_date = DATE '2025-03-15') AS games_with_lines,
              (SELECT COUNT(*) FROM nba_raw.nbac_schedule WHERE game_date = DATE '2025-03-15') AS games,
              (SELECT COUNT(*) FROM nba_raw.bettingpros_player_points_props WHERE game_date = DATE '2025-03-15' AND game_id IS NOT NULL AND NOT has_team_issues) AS bp_rows`,
    );
    expect(Number(rows[0]!.props_with_box)).toBeGreaterThan(0);
    expect(Number(rows[0]!.games_with_lines)).toBe(Number(rows[0]!.games));
    expect(Number(rows[0]!.bp_rows)).toBeGreaterThan(0);
  });

  test("the NBA.com game-level tables agree: team box score = schedule, play-by-play shots = team box score, scoreboard = schedule; team offense reads the team box score", async () => {
    const rows = await queryRows(
      dataDir(),
      `WITH shots AS (
         SELECT game_id, player_1_team_abbr AS team_abbr, COUNTIF(shot_type IN ('2PT', '3PT')) AS fga, COUNTIF(shot_type IN ('2PT', '3PT') AND shot_made) AS fgm,
                COUNTIF(shot_type = '3PT') AS fg3a, COUNTIF(shot_type = 'FT') AS fta
         FROM nba_raw.nbac_play_by_play WHERE game_date = DATE '2025-03-15' GROUP BY game_id, player_1_team_abbr)
       SELECT t.game_id, t.team_abbr, t.points, t.field_goals_attempted, t.field_goals_made, t.three_pointers_attempted, t.free_throws_attempted,
              shots.fga, shots.fgm, shots.fg3a, shots.fta,
              CASE WHEN t.is_home THEN s.home_team_score ELSE s.away_team_score END AS final_score,
              CASE WHEN t.is_home THEN b.home_team_score ELSE b.away_team_score END AS scoreboard_points,
              o.points_scored, o.data_source AS offense_source
       FROM nba_raw.nbac_team_boxscore t
       JOIN nba_raw.nbac_schedule s ON s.canonical_game_id = t.game_id AND s.game_date = t.game_date
       JOIN shots ON shots.game_id = t.game_id AND shots.team_abbr = t.team_abbr
       JOIN nba_raw.nbac_scoreboard_v2 b ON b.game_id = t.game_id AND b.game_date = t.game_date
       JOIN nba_analytics.team_offense_game_summary o ON o.game_id = t.game_id AND o.team_abbr = t.team_abbr AND o.game_date = t.game_date
       WHERE t.game_date = DATE '2025-03-15'`,
    );
    const finals = await queryRows(dataDir(), `SELECT COUNT(*) AS n FROM nba_raw.nbac_schedule WHERE game_date = DATE '2025-03-15' AND game_status = 3`);
    expect(rows).toHaveLength(2 * Number(finals[0]?.n));
    for (const r of rows) {
      expect({ team: r.team_abbr, points: r.points, scoreboard: r.scoreboard_points, offense: r.points_scored, source: r.offense_source }).toEqual({
        team: r.team_abbr, points: r.final_score, scoreboard: r.final_score, offense: r.final_score, source: "nbac_team_boxscore",
      });
      expect([r.fga, r.fgm, r.fg3a, r.fta]).toEqual([r.field_goals_attempted, r.field_goals_made, r.three_pointers_attempted, r.free_throws_attempted]);
    }
  });

  test("a sim day has the same table shapes as the catalog (and so as a real day)", async () => {
    const expected = catalog.tables.flatMap((t) => t.columns.map((c) => `${tableId(t)}.${c.name} ${duckdbColumnType(c).replace(/, /g, ",")}`)).sort();
    expect((await warehouseShapes(dataDir())).map((s) => s.replace(/, /g, ",")).sort()).toEqual(expected);
  });

  test("a date without games writes no game data and is not a failure (rosters, published every day, still feed the registry)", async () => {
    const result = await runCliCaptured(["pipeline", "--date", "2025-07-04", "--source", "sim", "--data-dir", dataDir(), "--json"]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { runs: { phase: string; processor: string; status: string; rows_written: number; empty_reason?: string }[] };
    const analytics = report.runs.filter((r) => r.phase === "phase_3_analytics");
    expect(analytics.map((r) => [r.processor, r.status, r.rows_written, r.empty_reason])).toEqual([
      ["team_offense_game_summary", "no_data", 0, "no_games_scheduled"],
      ["team_defense_game_summary", "no_data", 0, "no_games_scheduled"],
      ["player_game_summary", "no_data", 0, "no_games_scheduled"],
      ["upcoming_player_game_context", "no_data", 0, "no_games_scheduled"],
      ["upcoming_team_game_context", "no_data", 0, "no_games_scheduled"],
      ["nba_players_registry", "success", report.runs.find((r) => r.processor === "nbac_team_rosters")?.rows_written, undefined],
    ]);
  });
});

describe("usage errors exit 2 with the flag named", () => {
  test.each([
    [["pipeline", "--date", "2025-02-30"], /--date/],
    [["pipeline", "--date", "AUTO"], /--date/],
    [["pipeline", "--date", "2025-03-15", "--to", "2025-03-01"], /--to/],
    [["pipeline", "--date", "2025-03-15", "--source", "replay"], /--replay-dir/],
    [["pipeline", "--date", "2025-03-15", "--source", "http"], /source/],
    [["pipeline", "--date", "2025-03-15", "--seed", "abc"], /--seed/],
    [["pipeline", "--date", "2025-03-15", "--analytics-batch", "0"], /--analytics-batch/],
    [["pipeline", "--date", "2025-03-15", "--bogus"], /unknown option/],
    [["pipeline"], /--date/],
  ])("%p", async (argv, message) => {
    const result = await runCliCaptured(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
