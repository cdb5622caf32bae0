import { defineTable, nullable, required } from "../../runtime/catalog";
import { CoalescingWarehouse } from "../../runtime/platform/coalesced-writes";
import type { MergeResult } from "../../runtime/platform/ports/warehouse";
import { DuckDbWarehouse } from "../../runtime/platform/local/duckdb-warehouse";
import { param, sql, tableRef } from "../../runtime/platform/sql";

/** Keyed by a game, a date and a tip-off instant: the three key types whose text differs between what is sent and what DuckDB hands back. */
const scores = defineTable({
  dataset: "nba_raw",
  name: "test_coalesced_scores",
  description: "test",
  columns: [
    required("game_id", "STRING", "key"),
    required("game_date", "DATE", "partition and key"),
    required("tip_off", "TIMESTAMP", "key"),
    nullable("points", "INT64", "points"),
    required("processed_at", "TIMESTAMP", "version"),
    required("created_at", "TIMESTAMP", "first write"),
  ],
  partitioning: { kind: "time", field: "game_date", requirePartitionFilter: true },
  clustering: [],
  key: ["game_id", "game_date", "tip_off"],
  writeStrategy: "MERGE_UPDATE",
  versionColumn: "processed_at",
});

const AT = "2025-03-16T00:00:00Z";

function row(id: string, date: string, points: number) {
  return { game_id: id, game_date: date, tip_off: `${date}T19:30:00Z`, points, processed_at: AT, created_at: AT };
}

/** Lets the event loop run other tasks (a run's reads, its ledger writes) before the task writes. */
const later = () => new Promise((resolve) => setImmediate(resolve));

async function stored(wh: DuckDbWarehouse): Promise<string[]> {
  const rows = await wh.query(sql`SELECT game_id, game_date, points FROM ${tableRef(scores)} WHERE game_date >= ${param("from", "2025-01-01", "DATE")} ORDER BY game_date, game_id`);
  return rows.map((r) => `${String(r.game_date)} ${String(r.game_id)} ${String(r.points)}`);
}

describe("CoalescingWarehouse: tasks run together share their writes", () => {
  let wh: DuckDbWarehouse;
  let writes: CoalescingWarehouse;
  beforeEach(async () => {
    wh = await DuckDbWarehouse.open({ path: ":memory:" });
    await wh.ensureTables([scores]);
    writes = new CoalescingWarehouse(wh);
  });
  afterEach(() => wh.close());

  test("three dates' merges go out as one statement and each is told its own inserted and updated rows", async () => {
    await wh.merge(scores, [row("g1", "2025-03-02", 1)]);
    const before = wh.statementsExecuted();
    const results = await writes.together([
      async () => writes.merge(scores, [row("g1", "2025-03-01", 10), row("g2", "2025-03-01", 11)]),
      async () => {
        await later();
        return writes.merge(scores, [row("g1", "2025-03-02", 20), row("g3", "2025-03-02", 21), row("g4", "2025-03-02", 22)]);
      },
      async () => writes.merge(scores, [row("g5", "2025-03-03", 30)]),
    ]);
    expect(results).toEqual([
      { inserted: 2, updated: 0 },
      { inserted: 2, updated: 1 },
      { inserted: 1, updated: 0 },
    ]);
    expect(wh.statementsExecuted() - before).toBe(1);
    expect(await stored(wh)).toEqual(["2025-03-01 g1 10", "2025-03-01 g2 11", "2025-03-02 g1 20", "2025-03-02 g3 21", "2025-03-02 g4 22", "2025-03-03 g5 30"]);
  });

  test("rows of two tasks with the same key are written one task after the other, in task order", async () => {
    const before = wh.statementsExecuted();
    const results = await writes.together([
      async () => {
        await later();
        return writes.merge(scores, [row("g1", "2025-03-01", 1)]);
      },
      async () => writes.merge(scores, [row("g1", "2025-03-01", 2)]),
    ]);
    expect(results).toEqual([
      { inserted: 1, updated: 0 },
      { inserted: 0, updated: 1 },
    ]);
    expect(wh.statementsExecuted() - before).toBe(2);
    expect(await stored(wh)).toEqual(["2025-03-01 g1 2"]);
  });

  test("a shared write the database refuses is retried task by task: the bad task gets the error, the others their rows", async () => {
    const bad = { ...row("g2", "2025-03-02", 0), points: "many" };
    const outcomes = await writes.together([
      async () => writes.merge(scores, [row("g1", "2025-03-01", 1)]).then((r) => `ok ${r.inserted}`),
      async () => writes.merge(scores, [bad]).then(
        () => "ok",
        (err: Error) => `failed: ${err.message}`,
      ),
      async () => writes.merge(scores, [row("g3", "2025-03-03", 3)]).then((r) => `ok ${r.inserted}`),
    ]);
    expect(outcomes[0]).toBe("ok 1");
    expect(outcomes[1]).toMatch(/^failed: .*field points/);
    expect(outcomes[2]).toBe("ok 1");
    expect(await stored(wh)).toEqual(["2025-03-01 g1 1", "2025-03-03 g3 3"]);
  });

  test("a task that writes nothing, or twice, neither blocks the others nor loses a write", async () => {
    const before = wh.statementsExecuted();
    const results = await writes.together<string | MergeResult>([
      () => Promise.resolve("nothing to write"),
      async () => {
        await writes.merge(scores, [row("g1", "2025-03-01", 1)]);
        await later();
        return writes.merge(scores, [row("g2", "2025-03-01", 2)]);
      },
      async () => writes.merge(scores, [row("g3", "2025-03-02", 3)]),
    ]);
    expect(results).toEqual(["nothing to write", { inserted: 1, updated: 0 }, { inserted: 1, updated: 0 }]);
    // The first round shares g1 and g3; g2 comes alone once its task writes again.
    expect(wh.statementsExecuted() - before).toBe(2);
    expect(await stored(wh)).toEqual(["2025-03-01 g1 1", "2025-03-01 g2 2", "2025-03-02 g3 3"]);
  });

  test("a failing task does not leave the others waiting; its error is thrown once all have ended", async () => {
    let written = false;
    await expect(
      writes.together([
        () => Promise.reject(new Error("extract failed")),
        async () => {
          await writes.merge(scores, [row("g1", "2025-03-01", 1)]);
          written = true;
        },
      ]),
    ).rejects.toThrow("extract failed");
    expect(written).toBe(true);
  });

  test("outside together every write goes straight to the warehouse", async () => {
    expect(await writes.merge(scores, [row("g1", "2025-03-01", 1)])).toEqual({ inserted: 1, updated: 0 });
    expect(await stored(wh)).toEqual(["2025-03-01 g1 1"]);
  });
});
