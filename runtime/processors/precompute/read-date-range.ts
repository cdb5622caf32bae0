import type { RowOf } from "../../catalog/derive/row-type";
import { parseRow } from "../../catalog/derive/row-check";
import type { TableSpec } from "../../catalog/types";
import { arrayParam, ident, identList, inArray, inPartitionWindow, param, sql, tableRef } from "../../platform/sql/fragment";
import { tableId } from "../../catalog/define-table";
import type { Warehouse } from "../../platform/ports/warehouse";

function partitionField(table: TableSpec): string {
  if (table.partitioning.kind !== "time") throw new Error(`${table.dataset}.${table.name} is not partitioned`);
  return table.partitioning.field;
}

/**
 * Rows of a partitioned table with `from <= date < before`, in one statement: a whole window of
 * history for every analysis date of a range at once. `before` is exclusive, which is what keeps
 * the analysis day itself out (point in time).
 */
export async function readDateRange<T extends TableSpec>(warehouse: Warehouse, table: T, from: string, before: string): Promise<RowOf<T>[]> {
  const field = ident(partitionField(table));
  const rows = await warehouse.query(
    inPartitionWindow(
      sql`SELECT ${identList(table.columns.map((c) => c.name))} FROM ${tableRef(table)} WHERE ${field} >= ${param("range_from", from, "DATE")} AND ${field} < ${param("range_before", before, "DATE")}`,
      { table: tableId(table), from, to: before },
    ),
  );
  return rows.map((row) => parseRow(table, row) as RowOf<T>);
}

/** Rows of the given partitions (analysis dates) of a table another precompute processor wrote. */
export async function readDates<T extends TableSpec>(warehouse: Warehouse, table: T, dates: readonly string[]): Promise<RowOf<T>[]> {
  const rows = await warehouse.query(
    sql`SELECT ${identList(table.columns.map((c) => c.name))} FROM ${tableRef(table)} WHERE ${inArray(sql`${ident(partitionField(table))}`, arrayParam("dates", dates, "DATE"))}`,
  );
  return rows.map((row) => parseRow(table, row) as RowOf<T>);
}
