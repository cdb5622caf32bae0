import type { Row } from "../../catalog/derive/row-type";
import type { TableSpec } from "../../catalog/types";
import type { JobLabels, MergeResult, Warehouse } from "../../platform/ports/warehouse";
import { arrayParam, ident, inArray, sql, tableRef } from "../../platform/sql/fragment";

/**
 * CHECK_BEFORE_INSERT (DOMAIN §3.0): skip the rows of a file whose source_file_path is already
 * loaded; append the rest. The check reads only the partitions the rows fall in.
 */
export async function checkBeforeInsert(warehouse: Warehouse, table: TableSpec, rows: readonly Row[], labels: JobLabels): Promise<MergeResult & { skipped: number }> {
  const paths = [...new Set(rows.map((r) => String(r.source_file_path)))];
  let where = sql`${inArray(sql`${ident("source_file_path")}`, arrayParam("paths", paths, "STRING"))}`;
  if (table.partitioning.kind === "time") {
    const field = table.partitioning.field;
    const partitions = [...new Set(rows.map((r) => String(r[field])))];
    where = sql`${inArray(sql`${ident(field)}`, arrayParam("partition_values", partitions, "DATE"))} AND ${where}`;
  }
  const loaded = new Set((await warehouse.query(sql`SELECT DISTINCT ${ident("source_file_path")} AS path FROM ${tableRef(table)} WHERE ${where}`, labels)).map((r) => String(r.path)));
  const fresh = rows.filter((r) => !loaded.has(String(r.source_file_path)));
  const inserted = fresh.length > 0 ? await warehouse.append(table, fresh, labels) : 0;
  return { inserted, updated: 0, skipped: rows.length - fresh.length };
}
