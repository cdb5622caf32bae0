import type { Row } from "../../catalog/derive/row-type";
import type { TableSpec } from "../../catalog/types";
import type { JobLabels, Warehouse } from "../../platform/ports/warehouse";
import { arrayParam, identList, inArray, ident, sql, tableRef } from "../../platform/sql/fragment";

/** One spelling per key value, whatever the store hands back (timestamps as Date, ISO text, ...). */
function keyOf(table: TableSpec, row: Row): string {
  return table.key
    .map((name) => {
      const v = row[name];
      const type = table.columns.find((c) => c.name === name)?.type;
      if (v === null || v === undefined) return "\u0000";
      if (v instanceof Date) return type === "DATE" ? v.toISOString().slice(0, 10) : v.toISOString();
      if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") return JSON.stringify(v);
      if (type === "TIMESTAMP") return new Date(v as string).toISOString();
      return type === "DATE" ? String(v).slice(0, 10) : String(v);
    })
    .join("\u001f");
}

/**
 * APPEND_ALWAYS, idempotent per file (DOMAIN §3.1): every new snapshot is appended, and a row whose
 * key (which holds the snapshot time) is already in the table is skipped, so the same file
 * processed again adds nothing. Reads only the partitions the rows fall in.
 */
export async function appendNewKeys(warehouse: Warehouse, table: TableSpec, rows: readonly Row[], labels: JobLabels): Promise<{ inserted: number; updated: number; skipped: number }> {
  let existing: Row[] = [];
  if (table.partitioning.kind === "time") {
    const field = table.partitioning.field;
    const partitions = [...new Set(rows.map((r) => String(r[field])))];
    existing = await warehouse.query(sql`SELECT ${identList(table.key)} FROM ${tableRef(table)} WHERE ${inArray(sql`${ident(field)}`, arrayParam("partition_values", partitions, "DATE"))}`, labels);
  } else {
    existing = await warehouse.query(sql`SELECT ${identList(table.key)} FROM ${tableRef(table)}`, labels);
  }
  const loaded = new Set(existing.map((r) => keyOf(table, r)));
  const fresh = rows.filter((r) => !loaded.has(keyOf(table, r)));
  const inserted = fresh.length > 0 ? await warehouse.append(table, fresh, labels) : 0;
  return { inserted, updated: 0, skipped: rows.length - fresh.length };
}
