import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runCliCaptured } from "../support/cli";
import { useTempDir } from "../support/temp-dir";

const digest = (file: string): string => createHash("sha256").update(readFileSync(file)).digest("hex");

describe("nba-props query cannot reach outside the warehouse", () => {
  const tmp = useTempDir("query-sealed");
  const dataDir = () => join(tmp(), "data");
  const warehouse = () => join(dataDir(), "warehouse.duckdb");
  let before = "";

  beforeAll(async () => {
    expect((await runCliCaptured(["scrape", "nbac_schedule", "--date", "2025-03-15", "--data-dir", dataDir()])).code).toBe(0);
    before = digest(warehouse());
  });

  test.each([
    ["EXPLAIN ANALYZE over COPY onto the warehouse file", () => `EXPLAIN ANALYZE COPY (SELECT 'x') TO '${warehouse()}'`, /EXPLAIN ANALYZE/],
    ["EXPLAIN ANALYZE of a read (it executes)", () => "EXPLAIN ANALYZE SELECT 1", /EXPLAIN ANALYZE/],
    ["read_text of a system file", () => "SELECT * FROM read_text('/etc/passwd')", /files, URLs and extensions are disabled/],
    ["read_csv", () => "SELECT * FROM read_csv('/etc/passwd')", /files, URLs and extensions are disabled/],
    ["read_parquet", () => `SELECT * FROM read_parquet('${join(tmp(), "x.parquet")}')`, /files, URLs and extensions are disabled/],
    ["glob", () => "SELECT * FROM glob('/etc/*')", /files, URLs and extensions are disabled/],
    ["an http URL", () => "SELECT * FROM read_json('http://127.0.0.1:9/x.json')", /files, URLs and extensions are disabled/],
    ["an https URL as a table", () => "SELECT * FROM 'https://example.com/x.csv'", /files, URLs and extensions are disabled/],
    ["ATTACH", () => `ATTACH '${join(tmp(), "other.duckdb")}' AS other`, /only read queries/],
    ["INSTALL", () => "INSTALL httpfs", /only read queries/],
    ["LOAD", () => "LOAD httpfs", /only read queries/],
    ["turning external access back on", () => "SET enable_external_access = true", /only read queries/],
    ["listing extensions", () => "SELECT * FROM duckdb_extensions()", /files, URLs and extensions are disabled/],
  ])("%s: exit 2 with a clear message", async (_name, statement, message) => {
    const result = await runCliCaptured(["query", "--data-dir", dataDir(), statement()]);
    expect(result.stderr).toMatch(message);
    expect(result.code).toBe(2);
    expect(digest(warehouse())).toBe(before);
  });

  test("plain reads and plain EXPLAIN still work, and the warehouse is intact after every refusal", async () => {
    const count = await runCliCaptured(["query", "--data-dir", dataDir(), "--json", "SELECT COUNT(*) AS n FROM nba_raw.nbac_schedule"]);
    expect(count.code).toBe(0);
    expect(JSON.parse(count.stdout)).toEqual([{ n: 1230 }]);
    expect((await runCliCaptured(["query", "--data-dir", dataDir(), "EXPLAIN SELECT * FROM nba_raw.nbac_schedule"])).code).toBe(0);
    expect(digest(warehouse())).toBe(before);
  });
});
