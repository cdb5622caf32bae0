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

  test("a sim day has the same table shapes as the catalog (and so as a real day)", async () => {
    const expected = catalog.tables.flatMap((t) => t.columns.map((c) => `${tableId(t)}.${c.name} ${duckdbColumnType(c).replace(/, /g, ",")}`)).sort();
    expect((await warehouseShapes(dataDir())).map((s) => s.replace(/, /g, ",")).sort()).toEqual(expected);
  });

  test("a date without games writes nothing and is not a failure", async () => {
    const result = await runCliCaptured(["pipeline", "--date", "2025-07-04", "--source", "sim", "--data-dir", dataDir(), "--json"]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { runs: { phase: string; processor: string; status: string; rows_written: number; empty_reason?: string }[] };
    const analytics = report.runs.filter((r) => r.phase === "phase_3_analytics");
    expect(analytics.map((r) => [r.status, r.rows_written, r.empty_reason])).toEqual([
      ["no_data", 0, "no_games_scheduled"],
      ["no_data", 0, "no_games_scheduled"],
      ["no_data", 0, "no_games_scheduled"],
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
    [["pipeline", "--date", "2025-03-15", "--bogus"], /unknown option/],
    [["pipeline"], /--date/],
  ])("%p", async (argv, message) => {
    const result = await runCliCaptured(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
