import type { RowOf } from "../../catalog/derive/row-type";
import { parseRow } from "../../catalog/derive/row-check";
import type { TableSpec } from "../../catalog/types";
import type { Warehouse } from "../../platform/ports/warehouse";
import { ident, identList, inPartitionWindow, param, sql, tableRef } from "../../platform/sql/fragment";
import { tableId } from "../../catalog/define-table";

/** Rows of a date-partitioned table with `from <= partition <= to` (one statement), checked against its row schema. */
export async function readWindow<T extends TableSpec>(warehouse: Warehouse, table: T, from: string, to: string): Promise<RowOf<T>[]> {
  if (table.partitioning.kind !== "time") throw new Error(`readWindow: ${table.dataset}.${table.name} is not partitioned by date`);
  const field = ident(table.partitioning.field);
  const rows = await warehouse.query(
    inPartitionWindow(
      sql`SELECT ${identList(table.columns.map((c) => c.name))} FROM ${tableRef(table)} WHERE ${field} >= ${param("window_from", from, "DATE")} AND ${field} <= ${param("window_to", to, "DATE")}`,
      { table: tableId(table), from, to },
    ),
  );
  return rows.map((row) => parseRow(table, row) as RowOf<T>);
}
