import { defineTable, nullable, repeated, required, rowSchema } from "../../runtime/catalog";
import { parseRow, rowAccepted, rowFits } from "../../runtime/catalog/derive/row-check";

const table = defineTable({
  dataset: "nba_raw",
  name: "test_row_check",
  description: "one column of each catalog type",
  columns: [
    required("game_date", "DATE", "partition"),
    required("processed_at", "TIMESTAMP", "version"),
    nullable("points", "INT64", "integer"),
    nullable("minutes", "FLOAT64", "double"),
    nullable("rating", "NUMERIC", "decimal"),
    nullable("starter", "BOOL", "boolean"),
    nullable("player", "STRING", "string"),
    nullable("payload", "JSON", "json"),
    repeated("tags", "STRING", "strings"),
  ],
  partitioning: { kind: "time", field: "game_date", requirePartitionFilter: true },
  clustering: [],
  key: ["game_date"],
  writeStrategy: "MERGE_UPDATE",
  versionColumn: "processed_at",
});

const good = {
  game_date: "2024-02-29",
  processed_at: "2025-03-15T19:30:00.123Z",
  points: 31,
  minutes: 36.5,
  rating: 101.25,
  starter: true,
  player: "Jalen",
  payload: { a: [1] },
  tags: ["x"],
};

/** Values each column must refuse (the zod schema refuses them all). */
const bad: Record<string, unknown[]> = {
  game_date: ["2025-3-15", "2025-03-15T00:00:00Z", null, 20250315],
  processed_at: ["2025-02-29T00:00:00Z", "2025-03-15 19:30:00", "2025-03-15T24:00:00Z", "2025-03-15T19:30:00", null],
  points: [1.5, 2 ** 53, "31", Number.NaN],
  minutes: [Number.POSITIVE_INFINITY, Number.NaN, "36.5"],
  rating: [Number.NEGATIVE_INFINITY, "1.5"],
  starter: ["true", 1],
  player: [7, undefined],
  tags: [null, [1], "x"],
};

describe("rowFits and parseRow", () => {
  test("a row of the table's columns, in catalog order, of their types fits and comes back as the same object", () => {
    const nulls = { ...good, points: null, minutes: null, rating: null, starter: null, player: null, payload: null, tags: [] };
    for (const row of [good, nulls]) {
      expect(rowFits(table, row)).toBe(true);
      expect(parseRow(table, row)).toBe(row);
      expect(rowSchema(table).parse(row)).toEqual(row);
    }
  });

  test("every value zod refuses is refused, and parseRow throws zod's own error naming the column", () => {
    for (const [column, values] of Object.entries(bad)) {
      for (const value of values) {
        const row = { ...good, [column]: value };
        expect(rowFits(table, row)).toBe(false);
        const zod = rowSchema(table).safeParse(row);
        expect(zod.success).toBe(false);
        expect(() => parseRow(table, row)).toThrow(zod.error?.message);
        expect(zod.error?.issues[0]?.path[0]).toBe(column);
      }
    }
  });

  test("a missing, extra or reordered column does not fit, and zod decides", () => {
    const { points: _points, ...missing } = good;
    const extra = { ...good, bonus: 1 };
    const { game_date, ...rest } = good;
    const reordered = { ...rest, game_date };
    expect(rowFits(table, missing)).toBe(false);
    expect(rowFits(table, extra)).toBe(false);
    expect(() => parseRow(table, missing)).toThrow(/points/);
    expect(() => parseRow(table, extra)).toThrow(/bonus/);
    expect(rowFits(table, reordered)).toBe(false);
    expect(parseRow(table, reordered)).toEqual(good);
  });

  test("rowAccepted takes the row zod takes in any key order, and refuses what zod refuses", () => {
    const { game_date, ...rest } = good;
    const reversed = Object.fromEntries(Object.entries(good).reverse());
    for (const row of [good, { ...rest, game_date }, reversed]) {
      expect(rowSchema(table).safeParse(row).success).toBe(true);
      expect(rowAccepted(table, row)).toBe(true);
    }
    const { points: _points, ...missing } = good;
    const { tags: _tags, ...withoutTags } = good;
    for (const row of [missing, { ...good, bonus: 1 }, { ...withoutTags, bonus: ["x"] }, null, [good], "row"]) {
      expect(rowAccepted(table, row)).toBe(false);
      expect(rowSchema(table).safeParse(row).success).toBe(false);
    }
    for (const [column, values] of Object.entries(bad)) {
      for (const value of values) {
        const others: Record<string, unknown> = { ...good };
        delete others[column];
        const row = { [column]: value, ...others };
        expect(rowAccepted(table, row)).toBe(false);
        expect(rowSchema(table).safeParse(row).success).toBe(false);
      }
    }
  });

  test("an undefined JSON value (zod's unknown takes it) is left to zod", () => {
    const row = { ...good, payload: undefined };
    expect(rowFits(table, row)).toBe(false);
    expect(parseRow(table, row)).toEqual(row);
  });

  test("timestamps with offsets or without fractions fit as zod accepts them", () => {
    for (const ts of ["2025-03-15T19:30:00Z", "2025-03-15T19:30:00.1+05:30", "2000-02-29T00:00:00.000Z"]) {
      const row = { ...good, processed_at: ts };
      expect(rowSchema(table).safeParse(row).success).toBe(true);
      expect(rowFits(table, row)).toBe(true);
    }
  });
});
