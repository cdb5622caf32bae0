import type { Row } from "../../catalog/derive/row-type";
import type { TableSpec } from "../../catalog/types";
import { identList, param, sql, tableRef, ident } from "../../platform/sql/fragment";
import type { JobLabels, MergeResult, Warehouse } from "../../platform/ports/warehouse";

function keyPart(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/** Numbers and strings alike (the warehouse may return an INT64 as a bigint): compared as text. */
function keyOf(table: TableSpec, row: Readonly<Record<string, unknown>>): string {
  return JSON.stringify(table.key.map((k) => keyPart(row[k])));
}

/**
 * INSERT_NEW_ONLY, and APPEND_ALWAYS made idempotent per snapshot: appends the rows whose catalog
 * key is not stored yet. A key already stored is matched and left as it is; like a MERGE, a matched
 * row counts as `updated`, so rows sent = inserted + updated. The existing keys are read within the
 * rows' own partition range (the partition filter BigQuery requires).
 */
export async function appendNewKeys(warehouse: Warehouse, table: TableSpec, rows: readonly Row[], labels: JobLabels): Promise<MergeResult> {
  if (rows.length === 0) return { inserted: 0, updated: 0 };
  let range = sql``;
  if (table.partitioning.kind === "time") {
    const field = table.partitioning.field;
    const values = rows.map((r) => String(r[field]).slice(0, 10)).sort();
    const from = values[0] ?? "";
    const to = values.at(-1) ?? "";
    range = sql` WHERE ${ident(field)} BETWEEN ${param("from", from, "DATE")} AND ${param("to", to, "DATE")}`;
  }
  const stored = await warehouse.query(sql`SELECT ${identList(table.key)} FROM ${tableRef(table)}${range}`, labels);
  const present = new Set(stored.map((r) => keyOf(table, r)));
  const fresh = rows.filter((r) => !present.has(keyOf(table, r)));
  const inserted = fresh.length > 0 ? await warehouse.append(table, fresh, labels) : 0;
  return { inserted, updated: rows.length - fresh.length };
}
