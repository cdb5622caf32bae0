import { join } from "node:path";
import { runCliCaptured } from "../support/cli";
import { useTempDir } from "../support/temp-dir";

describe("nba-props query", () => {
  const tmp = useTempDir("query");
  const dataDir = () => join(tmp(), "data");

  beforeAll(async () => {
    const run = await runCliCaptured(["pipeline", "--date", "2025-03-15", "--until", "raw", "--data-dir", dataDir()]);
    expect(run.code).toBe(0);
  });

  test("--json prints an array of row objects; tables are dataset.table", async () => {
    const result = await runCliCaptured(["query", "--data-dir", dataDir(), "--json", "SELECT game_date, COUNT(*) AS games FROM nba_raw.nbac_schedule WHERE game_date = DATE '2025-03-15' GROUP BY game_date"]);
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as { game_date: string; games: number }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]?.game_date).toBe("2025-03-15");
    expect(typeof rows[0]?.games).toBe("number");
  });

  test.each([
    ["DELETE FROM nba_raw.nbac_schedule"],
    ["INSERT INTO nba_raw.nbac_schedule SELECT * FROM nba_raw.nbac_schedule"],
    ["DROP TABLE nba_raw.nbac_schedule"],
    ["SELECT 1; DELETE FROM nba_raw.nbac_schedule"],
    ["ATTACH '/tmp/other.duckdb' AS other"],
    ["COPY nba_raw.nbac_schedule TO '/tmp/x.csv'"],
  ])("refuses anything but one read: %s", async (statement) => {
    const result = await runCliCaptured(["query", "--data-dir", dataDir(), statement]);
    expect(result.code).toBe(2);
    const count = await runCliCaptured(["query", "--data-dir", dataDir(), "--json", "SELECT COUNT(*) AS n FROM nba_raw.nbac_schedule"]);
    expect((JSON.parse(count.stdout) as { n: number }[])[0]?.n).toBe(1230);
  });

  test("a data dir without a warehouse is a usage error that says what to run", async () => {
    const result = await runCliCaptured(["query", "--data-dir", join(tmp(), "nothing-here"), "SELECT 1"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/run nba-props pipeline first/);
  });
});
