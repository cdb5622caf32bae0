import { DuckDbWarehouse } from "../../runtime/platform/local/duckdb-warehouse";
import { defineTable, nullable, required } from "../../runtime/catalog";
import { tableView } from "../../runtime/catalog/derive/table-view";
import { readWindow } from "../../runtime/processors/base/read-window";

// A view reads some of a table's columns: the same table for reads, never a target for writes.
const actions = defineTable({
  dataset: "nba_raw",
  name: "test_view_actions",
  description: "a table read through a view",
  columns: [
    required("game_id", "STRING", "key"),
    required("game_date", "DATE", "partition"),
    required("event_id", "INT64", "key"),
    nullable("game_clock", "STRING", "not in the view"),
    nullable("shot_distance", "FLOAT64", "in the view"),
    required("processed_at", "TIMESTAMP", "version"),
  ],
  partitioning: { kind: "time", field: "game_date", requirePartitionFilter: true },
  clustering: [],
  key: ["game_id", "event_id"],
  writeStrategy: "MERGE_UPDATE",
  versionColumn: "processed_at",
});

const shots = tableView(actions, ["shot_distance", "game_id", "game_date"]);

const row = (event: number, date: string) => ({
  game_id: "20250315_NYK_PHI",
  game_date: date,
  event_id: event,
  game_clock: "11:42",
  shot_distance: 7.5,
  processed_at: "2025-03-16T08:00:00.000Z",
});

describe("tableView", () => {
  let warehouse: DuckDbWarehouse;
  beforeAll(async () => {
    warehouse = await DuckDbWarehouse.open({ path: ":memory:" });
    await warehouse.ensureTables([actions]);
    await warehouse.merge(actions, [row(1, "2025-03-15"), row(2, "2025-03-15"), row(3, "2025-03-16")]);
  });
  afterAll(() => warehouse.close());

  it("keeps the named columns in catalog order, and the table's identity", () => {
    expect(shots.columns.map((c) => c.name)).toEqual(["game_id", "game_date", "shot_distance"]);
    expect([shots.dataset, shots.name, shots.key, shots.partitioning]).toEqual([actions.dataset, actions.name, actions.key, actions.partitioning]);
    expect(shots.viewOf).toBe(actions);
  });

  it("reads only its columns from the table's window", async () => {
    const read = await readWindow(warehouse, shots, "2025-03-15", "2025-03-15");
    expect(read).toEqual([
      { game_id: "20250315_NYK_PHI", game_date: "2025-03-15", shot_distance: 7.5 },
      { game_id: "20250315_NYK_PHI", game_date: "2025-03-15", shot_distance: 7.5 },
    ]);
  });

  it("is refused as a write target, and the table is left as it was", async () => {
    const partial = { game_id: "20250315_NYK_PHI", game_date: "2025-03-15", shot_distance: 30 };
    await expect(warehouse.merge(shots, [partial])).rejects.toThrow(/view of some of its columns is for reading/);
    await expect(warehouse.append(shots, [partial])).rejects.toThrow(/view of some of its columns is for reading/);
    const all = await readWindow(warehouse, actions, "2025-03-15", "2025-03-16");
    expect(all.map((r) => r.shot_distance)).toEqual([7.5, 7.5, 7.5]);
  });

  it("fails at load time on a name that is not a column, or without the partition field", () => {
    expect(() => tableView(actions, ["shot_distnace" as "shot_distance", "game_date"])).toThrow(/names "shot_distnace", which is not a column/);
    expect(() => tableView(actions, ["shot_distance"])).toThrow(/must keep its partition field game_date/);
  });
});
