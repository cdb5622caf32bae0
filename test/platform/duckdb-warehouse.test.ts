import { DuckDbWarehouse } from "../../runtime/platform/local/duckdb-warehouse";
import { defineTable, nullable, required } from "../../runtime/catalog";
import { selectPartitions, sql, tableRef, param } from "../../runtime/platform/sql";
import { inPartitionWindow } from "../../runtime/platform/sql/fragment";

const scores = defineTable({
  dataset: "nba_raw",
  name: "test_scores",
  description: "test",
  columns: [
    required("game_id", "STRING", "key"),
    required("game_date", "DATE", "partition"),
    nullable("points", "INT64", "points"),
    nullable("rating", "NUMERIC", "rating"),
    required("processed_at", "TIMESTAMP", "version"),
    required("created_at", "TIMESTAMP", "first write"),
  ],
  partitioning: { kind: "time", field: "game_date", requirePartitionFilter: true },
  clustering: [],
  key: ["game_id"],
  writeStrategy: "MERGE_UPDATE",
  versionColumn: "processed_at",
});

function row(id: string, points: number, processedAt: string, date = "2025-03-15") {
  return { game_id: id, game_date: date, points, rating: 101.25, processed_at: processedAt, created_at: processedAt };
}

describe("DuckDbWarehouse", () => {
  let wh: DuckDbWarehouse;
  beforeEach(async () => {
    wh = await DuckDbWarehouse.open({ path: ":memory:" });
    await wh.ensureTables([scores]);
  });
  afterEach(() => wh.close());

  test("MERGE reports inserted and updated rows separately and never duplicates a key", async () => {
    expect(await wh.merge(scores, [row("a", 10, "2025-03-16T00:00:00.000Z"), row("b", 20, "2025-03-16T00:00:00.000Z")])).toEqual({ inserted: 2, updated: 0 });
    expect(await wh.merge(scores, [row("a", 11, "2025-03-16T01:00:00.000Z"), row("c", 30, "2025-03-16T01:00:00.000Z")])).toEqual({ inserted: 1, updated: 1 });
    const rows = await wh.query(sql`SELECT game_id, points, created_at FROM ${tableRef(scores)} WHERE game_date = ${param("d", "2025-03-15", "DATE")} ORDER BY game_id`);
    expect(rows).toEqual([
      { game_id: "a", points: 11, created_at: "2025-03-16T00:00:00.000Z" },
      { game_id: "b", points: 20, created_at: "2025-03-16T00:00:00.000Z" },
      { game_id: "c", points: 30, created_at: "2025-03-16T01:00:00.000Z" },
    ]);
  });

  test("staged duplicates collapse to the newest version of the key", async () => {
    const result = await wh.merge(scores, [row("a", 1, "2025-03-16T00:00:00.000Z"), row("a", 2, "2025-03-16T02:00:00.000Z"), row("a", 3, "2025-03-16T01:00:00.000Z")]);
    expect(result).toEqual({ inserted: 1, updated: 0 });
    const rows = await wh.query(selectPartitions(scores, ["2025-03-15"], ["game_id", "points"]));
    expect(rows).toEqual([{ game_id: "a", points: 2 }]);
  });

  test("a row that does not fit the catalog schema fails the write and leaves the table untouched", async () => {
    await wh.merge(scores, [row("a", 10, "2025-03-16T00:00:00.000Z")]);
    const bad = { ...row("b", 5, "2025-03-16T00:00:00.000Z"), points: "five" };
    await expect(wh.merge(scores, [row("c", 1, "2025-03-16T00:00:00.000Z"), bad])).rejects.toThrow(/field points/);
    const rows = await wh.query(selectPartitions(scores, ["2025-03-15"], ["game_id"]));
    expect(rows).toEqual([{ game_id: "a" }]);
  });

  test("rows of several partitions merge in one statement and decimals and dates come back as plain values", async () => {
    await wh.merge(scores, [row("a", 1, "2025-03-16T00:00:00.000Z", "2025-03-14"), row("b", 2, "2025-03-16T00:00:00.000Z", "2025-03-15")]);
    const rows = await wh.query(selectPartitions(scores, ["2025-03-14", "2025-03-15"], ["game_id", "game_date", "rating"]));
    expect(rows.sort((x, y) => String(x.game_id).localeCompare(String(y.game_id)))).toEqual([
      { game_id: "a", game_date: "2025-03-14", rating: 101.25 },
      { game_id: "b", game_date: "2025-03-15", rating: 101.25 },
    ]);
  });

  test("counts every statement it executes", async () => {
    const before = wh.statementsExecuted();
    await wh.query(sql`SELECT 1 AS one`);
    expect(wh.statementsExecuted()).toBe(before + 1);
  });

  test("a read repeated before any write to its table is answered from memory; a write makes the next read see it", async () => {
    await wh.merge(scores, [row("a", 10, "2025-03-16T00:00:00.000Z")]);
    const read = selectPartitions(scores, ["2025-03-15"], ["game_id", "points"]);
    const before = wh.statementsExecuted();
    const first = await wh.query(read);
    // Rows are shared frozen, arrays are each caller's own: neither a row nor the list can be changed for the next caller.
    expect(() => {
      first[0]!.points = 99;
    }).toThrow(TypeError);
    first.push({ game_id: "z", points: 0 });
    expect(await wh.query(read)).toEqual([{ game_id: "a", points: 10 }]);
    expect(wh.statementsExecuted()).toBe(before + 1);
    await wh.merge(scores, [row("a", 11, "2025-03-16T01:00:00.000Z"), row("b", 20, "2025-03-16T01:00:00.000Z")]);
    const after = await wh.query(read);
    expect(after.sort((x, y) => String(x.game_id).localeCompare(String(y.game_id)))).toEqual([
      { game_id: "a", points: 11 },
      { game_id: "b", points: 20 },
    ]);
    expect(wh.statementsExecuted()).toBe(before + 3);
  });

  describe("reads of a date window", () => {
    const windowRead = (from: string, to: string) =>
      inPartitionWindow(sql`SELECT game_id, points FROM ${tableRef(scores)} WHERE game_date >= ${param("from", from, "DATE")} AND game_date <= ${param("to", to, "DATE")} ORDER BY game_id`, { table: "nba_raw.test_scores", from, to });

    test("stay answered from memory across writes to other dates, and are read again after a write inside the window", async () => {
      await wh.merge(scores, [row("a", 10, "2025-03-16T00:00:00.000Z", "2025-03-15")]);
      const read = windowRead("2025-03-14", "2025-03-15");
      const before = wh.statementsExecuted();
      expect(await wh.query(read)).toEqual([{ game_id: "a", points: 10 }]);
      await wh.merge(scores, [row("z", 5, "2025-03-16T00:00:00.000Z", "2025-03-16")]);
      expect(await wh.query(read)).toEqual([{ game_id: "a", points: 10 }]);
      expect(wh.statementsExecuted()).toBe(before + 2);
      await wh.merge(scores, [row("b", 20, "2025-03-16T00:00:00.000Z", "2025-03-14")]);
      expect(await wh.query(read)).toEqual([
        { game_id: "a", points: 10 },
        { game_id: "b", points: 20 },
      ]);
      expect(wh.statementsExecuted()).toBe(before + 4);
    });

    test("the same read asked again while it runs is run once, and no caller can change what another gets", async () => {
      await wh.merge(scores, [row("a", 10, "2025-03-16T00:00:00.000Z")]);
      const read = windowRead("2025-03-15", "2025-03-15");
      const before = wh.statementsExecuted();
      const [one, two] = await Promise.all([wh.query(read), wh.query(read)]);
      expect(wh.statementsExecuted()).toBe(before + 1);
      expect(() => {
        one[0]!.points = 99;
      }).toThrow(TypeError);
      one.length = 0;
      expect(two).toEqual([{ game_id: "a", points: 10 }]);
    });

    test("a read that ran while a write to its window did is neither kept nor shared", async () => {
      await wh.merge(scores, [row("a", 10, "2025-03-16T00:00:00.000Z")]);
      const read = windowRead("2025-03-15", "2025-03-15");
      const writing = wh.merge(scores, [row("a", 11, "2025-03-16T01:00:00.000Z")]);
      const during = wh.query(read);
      await writing;
      await during;
      expect(await wh.query(read)).toEqual([{ game_id: "a", points: 11 }]);
    });
  });
});
