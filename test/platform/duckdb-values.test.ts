import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { defineTable, duckdbDdl, nullable, repeated, required } from "../../runtime/catalog";
import { readRows } from "../../runtime/platform/local/duckdb-values";

const everyType = defineTable({
  dataset: "nba_raw",
  name: "test_every_type",
  description: "one column of each catalog type",
  columns: [
    required("game_date", "DATE", "partition"),
    nullable("tip_off", "TIMESTAMP", "timestamp"),
    nullable("points", "INT64", "integer"),
    nullable("minutes", "FLOAT64", "double"),
    nullable("rating", "NUMERIC", "decimal"),
    nullable("starter", "BOOL", "boolean"),
    nullable("player", "STRING", "string"),
    nullable("payload", "JSON", "json"),
    repeated("tags", "STRING", "strings"),
    repeated("features", "FLOAT64", "doubles"),
    repeated("period_points", "INT64", "integers"),
  ],
  partitioning: { kind: "time", field: "game_date", requirePartitionFilter: true },
  clustering: [],
  key: ["game_date"],
  writeStrategy: "MERGE_UPDATE",
  versionColumn: "tip_off",
});

describe("readRows", () => {
  let connection: DuckDBConnection;
  beforeAll(async () => {
    connection = await (await DuckDBInstance.create(":memory:")).connect();
    for (const statement of duckdbDdl(everyType)) await connection.run(statement);
  });
  afterAll(() => connection.closeSync());

  const read = async (text: string) => readRows(await connection.run(text));

  test("every catalog column type comes back as its Row value", async () => {
    await connection.run(`INSERT INTO nba_raw.test_every_type VALUES
      ('2025-03-15', '2025-03-15 19:30:00.123456', 31, 36.5, 101.25, true, 'Jalen', '{"a":[1,2]}', ['x', NULL], [1.5, -2.0], [12, 9]),
      ('1969-12-31', '1969-12-31 23:59:59.9995', -7, -0.125, -0.000000001, false, '', 'null', [], [], []),
      ('2025-03-16', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)`);
    expect(await read("SELECT * FROM nba_raw.test_every_type ORDER BY game_date")).toEqual([
      { game_date: "1969-12-31", tip_off: "1969-12-31T23:59:59.999Z", points: -7, minutes: -0.125, rating: -1e-9, starter: false, player: "", payload: "null", tags: [], features: [], period_points: [] },
      { game_date: "2025-03-15", tip_off: "2025-03-15T19:30:00.123Z", points: 31, minutes: 36.5, rating: 101.25, starter: true, player: "Jalen", payload: '{"a":[1,2]}', tags: ["x", null], features: [1.5, -2], period_points: [12, 9] },
      { game_date: "2025-03-16", tip_off: null, points: null, minutes: null, rating: null, starter: null, player: null, payload: null, tags: null, features: null, period_points: null },
    ]);
  });

  test("rows keep the query's column order as key order", async () => {
    const [row] = await read("SELECT 'b' AS zeta, 1 AS alpha, DATE '2025-01-02' AS mid");
    expect(Object.keys(row ?? {})).toEqual(["zeta", "alpha", "mid"]);
  });

  test("a repeated column name keeps the first column's value", async () => {
    expect(await read("SELECT 1 AS a, 'two' AS a")).toEqual([{ a: 1 }]);
  });

  test("integers and decimals become the nearest double, whatever their width", async () => {
    const [row] = await read(
      "SELECT 9007199254740993::BIGINT AS big, SUM(x)::HUGEINT AS huge, 12345678901234567.891::DECIMAL(38, 9) AS wide, 0.1::DECIMAL(38, 9) AS tenth, 3::TINYINT AS tiny FROM (VALUES (1), (2)) t(x)",
    );
    expect(row).toEqual({ big: 9007199254740992, huge: 3, wide: 12345678901234568, tenth: 0.1, tiny: 3 });
  });

  test("timestamps outside the fast range and non-finite values keep their text", async () => {
    const [row] = await read(
      "SELECT TIMESTAMP 'infinity' AS inf, TIMESTAMP '9999-12-31 23:59:59.999999' AS last, TIMESTAMP_MS '2025-01-01 00:00:00.5' AS ms, 'NaN'::DOUBLE AS nan, '-inf'::DOUBLE AS neg_inf",
    );
    expect(row).toEqual({ inf: "infinity", last: "9999-12-31T23:59:59.999Z", ms: "2025-01-01T00:00:00.500Z", nan: "NaN", neg_inf: "-Infinity" });
  });

  test("rows span every chunk of a large result", async () => {
    const rows = await read("SELECT i::BIGINT AS i, DATE '2025-01-01' + (i % 3)::INT AS d FROM range(5000) t(i)");
    expect(rows).toHaveLength(5000);
    expect(rows[4999]).toEqual({ i: 4999, d: "2025-01-02" });
    expect(rows[2048]).toEqual({ i: 2048, d: "2025-01-03" });
  });

  test("a statement without rows reads as none", async () => {
    expect(await read("SELECT * FROM range(0)")).toEqual([]);
  });
});
