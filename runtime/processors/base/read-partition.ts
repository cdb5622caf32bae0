import type { RowOf } from "../../catalog/derive/row-type";
import { parseRow } from "../../catalog/derive/row-check";
import type { TableSpec } from "../../catalog/types";
import { selectPartitions } from "../../platform/sql/select";
import type { Warehouse } from "../../platform/ports/warehouse";

/** All rows of one or more partitions of a catalog table, checked against the table's row schema. */
export async function readPartitions<T extends TableSpec>(warehouse: Warehouse, table: T, partitions: readonly string[]): Promise<RowOf<T>[]> {
  const rows = await warehouse.query(selectPartitions(table, partitions));
  return rows.map((row) => parseRow(table, row) as RowOf<T>);
}
