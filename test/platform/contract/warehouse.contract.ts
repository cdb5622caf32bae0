import type { TableSpec } from "../../../runtime/catalog/types";
import type { Warehouse } from "../../../runtime/platform/ports/warehouse";
import { ident, param, selectPartitions, sql, tableRef } from "../../../runtime/platform/sql";
import { contractRow, contractTable } from "./contract-table";

/** The same calls give the same results on every Warehouse adapter, failures included. */
export function warehouseContract(name: string, open: () => Promise<Warehouse>): void {
  describe(`Warehouse contract: ${name}`, () => {
    let warehouse: Warehouse;
    let table: TableSpec;
    beforeAll(async () => {
      warehouse = await open();
      table = contractTable();
      await warehouse.ensureTables([table]);
      await warehouse.ensureTables([table]);
    });

    const read = async (): Promise<Record<string, unknown>[]> => {
      const rows = await warehouse.query(sql`${selectPartitions(table, ["2025-03-15"])} ORDER BY ${ident("game_id")}`);
      return rows;
    };

    test("MERGE reports true inserted/updated counts and writes each key once", async () => {
      expect(await warehouse.merge(table, [contractRow("g1", 10), contractRow("g2", null)], { processor: "contract", run: "run-1" })).toEqual({ inserted: 2, updated: 0 });
      expect(await warehouse.merge(table, [contractRow("g1", 12, { processed_at: "2025-03-16T11:00:00.000Z" }), contractRow("g3", 7)])).toEqual({ inserted: 1, updated: 1 });
      expect(await warehouse.merge(table, [contractRow("g3", 7)])).toEqual({ inserted: 0, updated: 1 });
      expect(await warehouse.merge(table, [])).toEqual({ inserted: 0, updated: 0 });
      expect(await read()).toEqual([
        { ...contractRow("g1", 12), processed_at: "2025-03-16T11:00:00.000Z" },
        contractRow("g2", null),
        contractRow("g3", 7),
      ]);
    });

    test("a parameterized read returns plain values (numbers, booleans, ISO dates and timestamps, nulls)", async () => {
      const rows = await warehouse.query(
        sql`SELECT ${ident("points")}, ${ident("rating")}, ${ident("is_final")}, ${ident("processed_at")}, ${ident("game_date")} FROM ${tableRef(table)} WHERE ${ident("game_date")} = ${param("day", "2025-03-15", "DATE")} AND ${ident("game_id")} = ${param("id", "g2", "STRING")}`,
      );
      expect(rows).toEqual([{ points: null, rating: 112.5, is_final: true, processed_at: "2025-03-16T10:00:00.000Z", game_date: "2025-03-15" }]);
    });

    test("append loads rows and reports how many", async () => {
      const other = contractTable();
      await warehouse.ensureTables([other]);
      expect(await warehouse.append(other, [contractRow("a1", 1), contractRow("a2", 2)])).toBe(2);
      expect(await warehouse.append(other, [])).toBe(0);
      const rows = await warehouse.query(sql`${selectPartitions(other, ["2025-03-15"], ["game_id"])} ORDER BY ${ident("game_id")}`);
      expect(rows).toEqual([{ game_id: "a1" }, { game_id: "a2" }]);
    });

    test("a row that breaks the catalog schema is refused before anything is written", async () => {
      const before = await read();
      await expect(warehouse.merge(table, [contractRow("g9", 1), { ...contractRow("g8", 1), is_final: "yes" }])).rejects.toMatchObject({ code: "ROW_INVALID" });
      expect(await read()).toEqual(before);
    });

    test("every statement is counted", async () => {
      const before = warehouse.statementsExecuted();
      // A read not asked before: the local adapter answers a repeated read from memory, without a statement.
      await warehouse.query(selectPartitions(table, ["2025-03-14"], ["game_id"]));
      expect(warehouse.statementsExecuted()).toBe(before + 1);
    });
  });
}
