import { DuckDbWarehouse } from "../../runtime/platform/local/duckdb-warehouse";
import { defineTable, nullable, repeated, required } from "../../runtime/catalog";
import { param, sql, tableRef } from "../../runtime/platform/sql";

// Writes reach DuckDB through a table function reading the rows from memory (duckdb-row-source):
// every catalog type must come back as it went in, whatever the key order, over many chunks.
const everyType = defineTable({
  dataset: "nba_raw",
  name: "test_every_type",
  description: "one column of each catalog type and mode",
  columns: [
    required("id", "STRING", "key"),
    required("game_date", "DATE", "partition"),
    nullable("count", "INT64", "integer"),
    nullable("ratio", "FLOAT64", "double"),
    nullable("rating", "NUMERIC", "decimal"),
    nullable("starter", "BOOL", "boolean"),
    nullable("note", "STRING", "text"),
    nullable("context", "JSON", "json"),
    repeated("periods", "INT64", "integers"),
    repeated("tags", "STRING", "strings"),
    required("processed_at", "TIMESTAMP", "version"),
  ],
  partitioning: { kind: "time", field: "game_date", requirePartitionFilter: true },
  clustering: [],
  key: ["id"],
  writeStrategy: "MERGE_UPDATE",
  versionColumn: "processed_at",
});

const full = {
  id: "full",
  game_date: "2025-03-15",
  count: 2 ** 53 - 1,
  ratio: 0.1 + 0.2,
  rating: 101.123456789,
  starter: false,
  note: 'Jokić said "é"\n\ttabs, a NUL \u0000 and 😀',
  context: { b: [1, "x"], a: null },
  periods: [31, 28, 0, 30, 5],
  tags: ["EXTREME_FATIGUE", ""],
  processed_at: "2025-03-16T01:02:03.456Z",
};
const empty = { id: "empty", game_date: "2025-03-15", count: null, ratio: null, rating: null, starter: null, note: null, context: null, periods: [], tags: [], processed_at: "2025-03-16T00:00:00.000Z" };

async function stored(wh: DuckDbWarehouse, date = "2025-03-15") {
  return wh.query(sql`SELECT * FROM ${tableRef(everyType)} WHERE game_date = ${param("d", date, "DATE")} ORDER BY id`);
}

describe("writes read their rows from memory", () => {
  let wh: DuckDbWarehouse;
  beforeEach(async () => {
    wh = await DuckDbWarehouse.open({ path: ":memory:" });
    await wh.ensureTables([everyType]);
  });
  afterEach(() => wh.close());

  test("every catalog type and null comes back as written, from rows in any key order", async () => {
    const reversed = Object.fromEntries(Object.entries(full).reverse());
    expect(await wh.merge(everyType, [reversed, empty])).toEqual({ inserted: 2, updated: 0 });
    expect(await stored(wh)).toEqual([
      { ...empty },
      // JSON columns come back as their JSON text (keys in the order written).
      { ...full, ratio: 0.30000000000000004, context: '{"b":[1,"x"],"a":null}' },
    ]);
  });

  test("appends load the same values", async () => {
    expect(await wh.append(everyType, [full, empty])).toBe(2);
    const rows = await stored(wh);
    expect(rows.map((r) => [r.id, r.count, r.rating, r.note, r.periods])).toEqual([
      ["empty", null, null, null, []],
      ["full", 2 ** 53 - 1, 101.123456789, full.note, full.periods],
    ]);
  });

  test("thousands of rows over several partitions arrive whole, across many chunks", async () => {
    const n = 5_000;
    const rows = Array.from({ length: n }, (_, i) => ({ ...empty, id: `r${i}`, game_date: i % 2 === 0 ? "2025-03-15" : "2025-03-16", count: i, tags: [`t${i}`] }));
    expect(await wh.merge(everyType, rows)).toEqual({ inserted: n, updated: 0 });
    const totals = await wh.query(
      sql`SELECT COUNT(*) AS n, SUM(count) AS total, COUNT(DISTINCT id) AS ids, MAX(tags[1]) AS last_tag FROM ${tableRef(everyType)} WHERE game_date >= ${param("d", "2025-03-15", "DATE")}`,
    );
    expect(totals).toEqual([{ n, total: (n * (n - 1)) / 2, ids: n, last_tag: "t999" }]);
    expect(await wh.merge(everyType, rows.slice(0, 3000).map((r) => ({ ...r, processed_at: "2025-03-17T00:00:00.000Z" })))).toEqual({ inserted: 0, updated: 3000 });
  });

  test("a value DuckDB refuses fails the write with its error, writes nothing, and the next write still loads", async () => {
    // The catalog's date pattern takes 2025-02-30; DuckDB's cast does not.
    await expect(wh.merge(everyType, [full, { ...empty, id: "bad", game_date: "2025-02-30" }])).rejects.toThrow(/MERGE into nba_raw.test_every_type failed \(nothing written\):.*2025-02-30/s);
    expect(await stored(wh)).toEqual([]);
    expect(await wh.merge(everyType, [empty])).toEqual({ inserted: 1, updated: 0 });
  });

  test("closing while a write runs lets the write finish first (the write calls back for its rows)", async () => {
    const other = await DuckDbWarehouse.open({ path: ":memory:" });
    await other.ensureTables([everyType]);
    const rows = Array.from({ length: 20_000 }, (_, i) => ({ ...empty, id: `r${i}` }));
    const writing = other.merge(everyType, rows);
    await other.close();
    await expect(writing).resolves.toEqual({ inserted: 20_000, updated: 0 });
  });
});
