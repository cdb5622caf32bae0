import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { catalog, duckdbColumnType, tableId } from "../../runtime/catalog";
import { runCliCaptured } from "../support/cli";
import { describeWithSamples, samplePath, SAMPLES_DIR } from "../support/samples";
import { useTempDir } from "../support/temp-dir";
import { queryRows, tableCounts, warehouseShapes } from "../support/warehouse-queries";

interface PipelineJson {
  dates: string[];
  runs: {
    phase: string;
    processor: string;
    scope: string;
    status: string;
    rows_written: number;
    rows_quarantined: number;
    duration_ms: number;
    error_message?: string;
    rows_read: number | null;
    zero_row_category: string | null;
    missing_games: string[];
  }[];
  warehouse_statements: number;
}

const DATE = "2025-03-15";

describeWithSamples("pipeline on the real replay samples", () => {
  const tmp = useTempDir("replay");
  const dataDir = () => join(tmp(), "data");
  let first: PipelineJson;
  let firstCode: number;

  beforeAll(async () => {
    const result = await runCliCaptured(["pipeline", "--date", DATE, "--source", "replay", "--replay-dir", SAMPLES_DIR, "--data-dir", dataDir(), "--json"]);
    firstCode = result.code;
    first = JSON.parse(result.stdout) as PipelineJson;
    // A whole replay pipeline: the season schedule plus every source of the date.
  }, 180_000);

  test("loads what the samples hold for the date, reports every run in the JSON contract", () => {
    expect(first.dates).toEqual([DATE]);
    expect(first.warehouse_statements).toBeGreaterThan(0);
    expect(first.runs.map((r) => [r.phase, r.processor, r.status])).toEqual([
      ["phase_1_scrapers", "nbac_schedule", "success"],
      ["phase_1_scrapers", "nbac_player_boxscore", "success"],
      ["phase_2_raw", "nbac_schedule", "success"],
      ["phase_2_raw", "nbac_player_boxscores", "success"],
      ["phase_3_analytics", "team_offense_game_summary", "success"],
      ["phase_3_analytics", "team_defense_game_summary", "success"],
      ["phase_3_analytics", "player_game_summary", "success"],
      ["phase_3_analytics", "upcoming_player_game_context", "success"],
      ["phase_3_analytics", "upcoming_team_game_context", "success"],
      ["phase_3_analytics", "nba_players_registry", "success"],
      // One day with no history before it: each phase-4 window lacks games (the documented skip).
      ...["team_defense_zone_analysis", "player_shot_zone_analysis", "player_daily_cache", "player_composite_factors", "ml_feature_store_v2"].map((p) => ["phase_4_precompute", p, "no_data"]),
    ]);
    for (const run of first.runs) expect(Object.keys(run).slice(0, 7)).toEqual(["phase", "processor", "scope", "status", "rows_written", "rows_quarantined", "duration_ms"]);
  });

  test("sources the samples hold nothing of for the date are listed, not run, and do not fail the date", () => {
    expect(firstCode).toBe(0);
    const uncaptured = (first as PipelineJson & { uncaptured_sources: { scraper: string; scope: string }[] }).uncaptured_sources;
    const expected = ["nbac_team_boxscore", "nbac_play_by_play", "nbac_scoreboard_v2", "oddsa_events", "oddsa_player_props", "oddsa_game_lines", "bp_events", "bp_player_props", "bdl_box_scores", "nbac_player_movement", "nbac_injury_report", "nbac_team_roster"];
    expect(uncaptured.map((u) => `${u.scraper} ${u.scope}`).sort()).toEqual(expected.map((s) => `${s} ${DATE}`).sort());
  });

  test("team offense has 16 rows whose points equal the schedule's final scores", async () => {
    const rows = await queryRows(
      dataDir(),
      `SELECT o.team_abbr, o.points_scored, CASE WHEN s.home_team_tricode = o.team_abbr THEN s.home_team_score ELSE s.away_team_score END AS final_score
       FROM nba_analytics.team_offense_game_summary o JOIN nba_raw.nbac_schedule s ON s.game_id = o.nba_game_id AND s.game_date = o.game_date
       WHERE o.game_date = DATE '${DATE}'`,
    );
    expect(rows).toHaveLength(16);
    for (const r of rows) expect(r.points_scored).toBe(r.final_score);
  });

  test("each defending team's points allowed equal the opponent's points scored", async () => {
    const rows = await queryRows(
      dataDir(),
      `SELECT d.defending_team_abbr, d.points_allowed, o.points_scored FROM nba_analytics.team_defense_game_summary d
       JOIN nba_analytics.team_offense_game_summary o ON o.game_id = d.game_id AND o.team_abbr = d.opponent_team_abbr AND o.game_date = d.game_date
       WHERE d.game_date = DATE '${DATE}'`,
    );
    expect(rows).toHaveLength(16);
    for (const r of rows) expect(r.points_allowed).toBe(r.points_scored);
  });

  test("player_game_summary holds every player line of the day with the source's points", async () => {
    const payload = JSON.parse(readFileSync(samplePath("nbac_player_boxscore", DATE, "leaguegamelog.json"), "utf8")) as { resultSets: { headers: string[]; rowSet: unknown[][] }[] };
    const set = payload.resultSets[0]!;
    const idx = (h: string) => set.headers.indexOf(h);
    const expected = set.rowSet.map((r) => `${String(r[idx("PLAYER_ID")])}:${String(r[idx("GAME_ID")])}:${String(r[idx("PTS")])}`).sort();
    const rows = await queryRows(dataDir(), `SELECT nba_player_id, nba_game_id, points FROM nba_analytics.player_game_summary WHERE game_date = DATE '${DATE}'`);
    expect(rows.map((r) => `${String(r.nba_player_id)}:${String(r.nba_game_id)}:${String(r.points)}`).sort()).toEqual(expected);
  });

  test("the warehouse has exactly the catalog's tables and columns", async () => {
    const expected = catalog.tables.flatMap((t) => t.columns.map((c) => `${tableId(t)}.${c.name} ${duckdbColumnType(c).replace(/, /g, ",")}`)).sort();
    expect((await warehouseShapes(dataDir())).map((s) => s.replace(/, /g, ",")).sort()).toEqual(expected);
  });

  test("running the same command again leaves every table as it was", async () => {
    const before = await tableCounts(dataDir());
    const again = await runCliCaptured(["pipeline", "--date", DATE, "--source", "replay", "--replay-dir", SAMPLES_DIR, "--data-dir", dataDir(), "--json"]);
    expect(again.code).toBe(firstCode);
    const after = await tableCounts(dataDir());
    expect(after).toEqual(before);
    for (const [table, c] of Object.entries(after)) expect({ table, duplicates: c.rows - c.keys }).toEqual({ table, duplicates: 0 });
    expect(after["nba_raw.nbac_player_boxscores"]?.rows).toBe(157);
  });

  test("replaying the same files twice changes no row at all: the raw runs find their input already loaded", async () => {
    const raw = `SELECT * FROM nba_raw.nbac_player_boxscores WHERE game_date = DATE '${DATE}' ORDER BY player_lookup`;
    const schedule = `SELECT * FROM nba_raw.nbac_schedule WHERE game_date = DATE '${DATE}' ORDER BY game_id`;
    const before = [await queryRows(dataDir(), raw), await queryRows(dataDir(), schedule)];
    const again = await runCliCaptured(["pipeline", "--date", DATE, "--source", "replay", "--replay-dir", SAMPLES_DIR, "--data-dir", dataDir(), "--until", "raw", "--json"]);
    expect(again.code).toBe(0);
    const report = JSON.parse(again.stdout) as PipelineJson;
    expect(report.runs.filter((r) => r.phase === "phase_2_raw").map((r) => [r.processor, r.status, r.rows_written])).toEqual([
      ["nbac_schedule", "success", 0],
      ["nbac_player_boxscores", "success", 0],
    ]);
    expect([await queryRows(dataDir(), raw), await queryRows(dataDir(), schedule)]).toEqual(before);
  });

  test("--json runs carry rows_read, zero_row_category and missing_games; the real day covers all 8 final games", () => {
    const box = first.runs.find((r) => r.phase === "phase_2_raw" && r.processor === "nbac_player_boxscores");
    expect(box).toMatchObject({ rows_read: 157, zero_row_category: null, missing_games: [] });
    for (const run of first.runs) expect(Object.keys(run)).toEqual(expect.arrayContaining(["rows_read", "zero_row_category", "missing_games"]));
  });

  test("--until raw loads every raw table of the date and runs nothing after phase 2", async () => {
    const dir = join(tmp(), "until-raw");
    const result = await runCliCaptured(["pipeline", "--date", DATE, "--source", "replay", "--replay-dir", SAMPLES_DIR, "--data-dir", dir, "--until", "raw", "--json"]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as PipelineJson;
    expect(new Set(report.runs.map((r) => r.phase))).toEqual(new Set(["phase_1_scrapers", "phase_2_raw"]));
    const rawRuns = report.runs.filter((r) => r.phase === "phase_2_raw");
    expect(rawRuns.map((r) => r.processor)).toEqual(expect.arrayContaining(["nbac_schedule", "nbac_player_boxscores"]));
    for (const run of rawRuns) {
      expect({ processor: run.processor, status: run.status }).toEqual({ processor: run.processor, status: expect.stringMatching(/^(success|no_data)$/) as unknown });
      const output = catalog.processors.find((p) => p.name === run.processor)!.output;
      const [count] = await queryRows(dir, `SELECT COUNT(*) AS n FROM ${output}`);
      if (run.status === "success") expect({ output, rows: Number(count?.n) }).toEqual({ output, rows: run.rows_written });
    }
  });

  describe("bad replay input fails loudly and changes nothing", () => {
    const badDir = () => join(tmp(), "bad-replay");
    const snapshot = () =>
      queryRows(dataDir(), `SELECT player_lookup, points, minutes, processed_at FROM nba_raw.nbac_player_boxscores WHERE game_date = DATE '${DATE}' ORDER BY player_lookup`);

    beforeAll(() => {
      cpSync(SAMPLES_DIR, badDir(), { recursive: true });
    });

    test("a record whose minutes do not parse names the file, the record and the field; exit 1", async () => {
      const before = await snapshot();
      const payload = JSON.parse(readFileSync(samplePath("nbac_player_boxscore", DATE, "leaguegamelog.json"), "utf8")) as { resultSets: { headers: string[]; rowSet: unknown[][] }[] };
      const set = payload.resultSets[0]!;
      set.rowSet[3]![set.headers.indexOf("MIN")] = "4O:12";
      const file = join(badDir(), "nbac_player_boxscore", DATE, "zz-newer.json");
      writeFileSync(file, JSON.stringify(payload));
      const result = await runCliCaptured(["pipeline", "--date", DATE, "--source", "replay", "--replay-dir", badDir(), "--data-dir", dataDir(), "--json"]);
      expect(result.code).toBe(1);
      const report = JSON.parse(result.stdout) as PipelineJson;
      const failed = report.runs.find((r) => r.status === "failed" && r.processor.startsWith("nbac_player_boxscore"));
      expect(failed).toMatchObject({ phase: "phase_2_raw", processor: "nbac_player_boxscores", rows_written: 0, rows_quarantined: 1 });
      expect(failed?.error_message).toContain(file);
      expect(failed?.error_message).toContain("rowSet[3]");
      expect(failed?.error_message).toContain("field MIN");
      expect(failed?.error_message).toContain('"4O:12"');
      expect(report.runs.filter((r) => r.phase === "phase_3_analytics").every((r) => r.status === "blocked")).toBe(true);
      expect(await snapshot()).toEqual(before);
    });

    test("a replay file that is not JSON names the file; exit 1", async () => {
      const before = await snapshot();
      const dir = join(badDir(), "nbac_player_boxscore", DATE);
      mkdirSync(dir, { recursive: true });
      const file = join(dir, "zzz-broken.json");
      writeFileSync(file, '{"resource": "leaguegamelog", "resultSets": [');
      const result = await runCliCaptured(["pipeline", "--date", DATE, "--source", "replay", "--replay-dir", badDir(), "--data-dir", dataDir(), "--json"]);
      expect(result.code).toBe(1);
      const report = JSON.parse(result.stdout) as PipelineJson;
      const failed = report.runs.find((r) => r.status === "failed" && r.processor.startsWith("nbac_player_boxscore"));
      expect(failed).toMatchObject({ phase: "phase_1_scrapers", processor: "nbac_player_boxscore" });
      expect(failed?.error_message).toContain(file);
      expect(failed?.error_message).toMatch(/not valid JSON/);
      expect(await snapshot()).toEqual(before);
    });
  });
});
