import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { catalog, duckdbColumnType, tableId } from "../../runtime/catalog";
import { runCliCaptured } from "../support/cli";
import { describeWithSamples, samplePath, SAMPLES_DIR } from "../support/samples";
import { useTempDir } from "../support/temp-dir";
import { queryRows, tableCounts, warehouseShapes } from "../support/warehouse-queries";

interface PipelineJson {
  dates: string[];
  runs: { phase: string; processor: string; scope: string; status: string; rows_written: number; rows_quarantined: number; duration_ms: number; error_message?: string }[];
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
  });

  test("succeeds and reports every run in the JSON contract", () => {
    expect(firstCode).toBe(0);
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
    ]);
    for (const run of first.runs) expect(Object.keys(run).slice(0, 7)).toEqual(["phase", "processor", "scope", "status", "rows_written", "rows_quarantined", "duration_ms"]);
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
    expect(again.code).toBe(0);
    const after = await tableCounts(dataDir());
    expect(after).toEqual(before);
    for (const [table, c] of Object.entries(after)) expect({ table, duplicates: c.rows - c.keys }).toEqual({ table, duplicates: 0 });
    expect(after["nba_raw.nbac_player_boxscores"]?.rows).toBe(157);
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
      const failed = report.runs.find((r) => r.status === "failed");
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
      const failed = report.runs.find((r) => r.status === "failed");
      expect(failed).toMatchObject({ phase: "phase_1_scrapers", processor: "nbac_player_boxscore" });
      expect(failed?.error_message).toContain(file);
      expect(failed?.error_message).toMatch(/not valid JSON/);
      expect(await snapshot()).toEqual(before);
    });
  });
});
