import { defineTable, nullable, required } from "../../runtime/catalog";
import { bigQueryDialect, buildMerge, duckdbDialect, param, render, selectPartitions, sql, tableRef } from "../../runtime/platform/sql";

const lines = defineTable({
  dataset: "nba_raw",
  name: "lines",
  description: "test",
  columns: [
    required("game_id", "STRING", "key"),
    required("player_lookup", "STRING", "key"),
    required("game_date", "DATE", "partition"),
    nullable("points", "INT64", "points"),
    required("processed_at", "TIMESTAMP", "version"),
    required("created_at", "TIMESTAMP", "first write"),
  ],
  partitioning: { kind: "time", field: "game_date", requirePartitionFilter: true },
  clustering: ["player_lookup"],
  key: ["game_id", "player_lookup"],
  writeStrategy: "MERGE_UPDATE",
  versionColumn: "processed_at",
});

const bq = bigQueryDialect("nba-props-dev");

describe("SQL rendering", () => {
  test("BigQuery MERGE: deduped staging, partition pre-filter in ON, created_at kept on update", () => {
    const rendered = render(buildMerge({ target: lines, source: { stagingTable: "_staging_lines_1" }, partitionValues: ["2025-03-14", "2025-03-15"] }), bq);
    expect(rendered.text).toBe(
      [
        "MERGE INTO `nba-props-dev.nba_raw.lines` AS target",
        "USING (",
        "  SELECT * FROM `nba-props-dev.nba_raw._staging_lines_1`",
        "  WHERE TRUE",
        "  QUALIFY ROW_NUMBER() OVER (PARTITION BY game_id, player_lookup ORDER BY processed_at DESC) = 1",
        ") AS source",
        "ON target.game_id = source.game_id AND target.player_lookup = source.player_lookup AND target.game_date IN UNNEST(@partition_values)",
        "WHEN MATCHED THEN UPDATE SET game_date = source.game_date, points = source.points, processed_at = source.processed_at",
        "WHEN NOT MATCHED THEN INSERT (game_id, player_lookup, game_date, points, processed_at, created_at) VALUES (source.game_id, source.player_lookup, source.game_date, source.points, source.processed_at, source.created_at)",
      ].join("\n"),
    );
    expect(rendered.params).toEqual({ partition_values: { value: ["2025-03-14", "2025-03-15"], type: "DATE", array: true } });
  });

  test("BigQuery partition-filtered SELECT", () => {
    const rendered = render(selectPartitions(lines, ["2025-03-15"], ["game_id", "points"]), bq);
    expect(rendered.text).toBe("SELECT game_id, points FROM `nba-props-dev.nba_raw.lines` WHERE game_date IN UNNEST(@partition_values)");
  });

  test("DuckDB renders the same statement with quoted names and typed $parameters", () => {
    const rendered = render(selectPartitions(lines, ["2025-03-15"], ["game_id"]), duckdbDialect);
    expect(rendered.text).toBe('SELECT "game_id" FROM "nba_raw"."lines" WHERE "game_date" IN (SELECT UNNEST(CAST($partition_values AS DATE[])))');
    const scalar = render(sql`SELECT * FROM ${tableRef(lines)} WHERE game_date = ${param("d", "2025-03-15", "DATE")}`, duckdbDialect);
    expect(scalar.text).toBe('SELECT * FROM "nba_raw"."lines" WHERE game_date = CAST($d AS DATE)');
  });

  test("values reach SQL only as parameters, and one name cannot carry two values", () => {
    const rendered = render(sql`SELECT ${param("name", "O'Neal; DROP TABLE x", "STRING")} AS v`, bq);
    expect(rendered.text).toBe("SELECT @name AS v");
    expect(() => render(sql`SELECT ${param("x", 1, "INT64")}, ${param("x", 2, "INT64")}`, bq)).toThrow(/two different values/);
  });

  test("a MERGE on a partitioned table without partition values is refused", () => {
    expect(() => buildMerge({ target: lines, source: { stagingTable: "s" }, partitionValues: [] })).toThrow(/partition values/);
  });
});
