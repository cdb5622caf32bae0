import { defineTable, nullable, required } from "../../runtime/catalog";
import type { WriteStrategy } from "../../runtime/catalog/types";
import { DuckDbWarehouse } from "../../runtime/platform/local/duckdb-warehouse";
import { bigQueryDialect, buildMerge, render, selectPartitions } from "../../runtime/platform/sql";
import { writeRows } from "../../runtime/processors/base/write-rows";

const tableWith = (writeStrategy: WriteStrategy) =>
  defineTable({
    dataset: "nba_raw",
    name: `test_${writeStrategy.toLowerCase()}`,
    description: "test",
    columns: [
      required("game_id", "STRING", "key"),
      required("game_date", "DATE", "partition"),
      nullable("line", "FLOAT64", "value"),
      required("source_file_path", "STRING", "file"),
      required("data_hash", "STRING", "content"),
      required("processed_at", "TIMESTAMP", "version"),
      required("created_at", "TIMESTAMP", "first write"),
    ],
    partitioning: { kind: "time", field: "game_date", requirePartitionFilter: true },
    clustering: [],
    key: ["game_id"],
    writeStrategy,
    versionColumn: "processed_at",
  });

const row = (id: string, line: number, file: string, at = "2025-03-16T10:00:00.000Z") => ({
  game_id: id,
  game_date: "2025-03-15",
  line,
  source_file_path: file,
  data_hash: `${id}:${line}`,
  processed_at: at,
  created_at: at,
});
const labels = { processor: "test", run: "r" };

describe("write strategies (DOMAIN §3.0) through the Warehouse port", () => {
  let wh: DuckDbWarehouse;
  const tables = (["MERGE_UPDATE", "INSERT_NEW_ONLY", "APPEND_ALWAYS", "CHECK_BEFORE_INSERT"] as const).map(tableWith);
  beforeEach(async () => {
    wh = await DuckDbWarehouse.open({ path: ":memory:" });
    await wh.ensureTables(tables);
  });
  afterEach(() => wh.close());
  const stored = async (t: (typeof tables)[number]) =>
    (await wh.query(selectPartitions(t, ["2025-03-15"], ["game_id", "line", "source_file_path"]))).map((r) => [r.game_id, r.line, r.source_file_path]).sort((a, b) => String(a).localeCompare(String(b)));

  test("MERGE_UPDATE updates a stored key and inserts new ones", async () => {
    const t = tables[0]!;
    expect(await writeRows(wh, t, [row("a", 1, "f1")], labels)).toEqual({ inserted: 1, updated: 0, skipped: 0 });
    expect(await writeRows(wh, t, [row("a", 2, "f2", "2025-03-16T11:00:00.000Z"), row("b", 3, "f2")], labels)).toEqual({ inserted: 1, updated: 1, skipped: 0 });
    expect(await stored(t)).toEqual([["a", 2, "f2"], ["b", 3, "f2"]]);
  });

  test("INSERT_NEW_ONLY inserts only keys not stored yet and never changes a stored row", async () => {
    const t = tables[1]!;
    expect(await writeRows(wh, t, [row("a", 1, "f1")], labels)).toEqual({ inserted: 1, updated: 0, skipped: 0 });
    expect(await writeRows(wh, t, [row("a", 2, "f2"), row("b", 3, "f2")], labels)).toEqual({ inserted: 1, updated: 0, skipped: 1 });
    expect(await stored(t)).toEqual([["a", 1, "f1"], ["b", 3, "f2"]]);
  });

  test("APPEND_ALWAYS appends each new snapshot, and the same file processed again adds nothing", async () => {
    const t = tables[2]!;
    const file1 = [row("a", 1, "f1"), row("b", 5, "f1")];
    expect(await writeRows(wh, t, file1, labels)).toEqual({ inserted: 2, updated: 0, skipped: 0 });
    expect(await writeRows(wh, t, file1, labels)).toEqual({ inserted: 0, updated: 0, skipped: 2 });
    expect(await writeRows(wh, t, [row("a", 1.5, "f2")], labels)).toEqual({ inserted: 1, updated: 0, skipped: 0 });
    expect(await stored(t)).toEqual([["a", 1, "f1"], ["a", 1.5, "f2"], ["b", 5, "f1"]]);
  });

  test("CHECK_BEFORE_INSERT skips a file already loaded and loads a new one", async () => {
    const t = tables[3]!;
    expect(await writeRows(wh, t, [row("a", 1, "f1")], labels)).toEqual({ inserted: 1, updated: 0, skipped: 0 });
    expect(await writeRows(wh, t, [row("a", 1, "f1"), row("b", 2, "f1")], labels)).toEqual({ inserted: 0, updated: 0, skipped: 2 });
    expect(await writeRows(wh, t, [row("a", 9, "f2")], labels)).toEqual({ inserted: 1, updated: 0, skipped: 0 });
    expect(await stored(t)).toEqual([["a", 1, "f1"], ["a", 9, "f2"]]);
  });
});

test("on BigQuery an insert-only MERGE has no WHEN MATCHED branch, matches on the append identity and keeps the partition filter", () => {
  const t = tableWith("APPEND_ALWAYS");
  const text = render(buildMerge({ target: t, source: { stagingTable: "_staging" }, partitionValues: ["2025-03-15"], mode: { kind: "insert_new", matchOn: ["game_id", "data_hash"] } }), bigQueryDialect("nba-props-test")).text;
  expect(text).not.toMatch(/WHEN MATCHED/);
  expect(text).toMatch(/WHEN NOT MATCHED THEN INSERT/);
  expect(text).toMatch(/target\.data_hash = source\.data_hash/);
  expect(text).toMatch(/target\.game_date IN UNNEST\(@partition_values\)/);
});
