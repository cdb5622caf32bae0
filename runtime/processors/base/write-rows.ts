import type { Row } from "../../catalog/derive/row-type";
import { tableId, writeStrategyOf } from "../../catalog/define-table";
import type { TableSpec } from "../../catalog/types";
import { arrayParam, ident, inArray, sql, tableRef, type SqlFragment } from "../../platform/sql/fragment";
import type { JobLabels, Warehouse } from "../../platform/ports/warehouse";
import { partitionValuesOf } from "../../platform/warehouse-rows";

export interface WriteResult {
  readonly inserted: number;
  readonly updated: number;
  /** Rows left alone because they were already stored (never the case for MERGE_UPDATE). */
  readonly skipped: number;
}

function hasColumn(table: TableSpec, name: string): boolean {
  return table.columns.some((c) => c.name === name);
}

/**
 * What an APPEND_ALWAYS row is matched on: its key plus its content hash (or, lacking one, the
 * file it came from). Every new snapshot appends; the same rows again (the same file processed
 * twice, or a replay) add nothing.
 */
export function appendIdentity(table: TableSpec): string[] {
  const extra = hasColumn(table, "data_hash") ? "data_hash" : hasColumn(table, "source_file_path") ? "source_file_path" : null;
  return extra && !table.key.includes(extra) ? [...table.key, extra] : [...table.key];
}

/** Rows of the table already loaded from any of these files (within the rows' partitions). */
export function filesAlreadyLoaded(table: TableSpec, files: readonly string[], partitions: readonly string[]): SqlFragment {
  const fileFilter = inArray(sql`${ident("source_file_path")}`, arrayParam("files", files, "STRING"));
  if (table.partitioning.kind !== "time") return sql`SELECT COUNT(*) AS n FROM ${tableRef(table)} WHERE ${fileFilter}`;
  const field = table.partitioning.field;
  const type = table.columns.find((c) => c.name === field)?.type ?? "DATE";
  return sql`SELECT COUNT(*) AS n FROM ${tableRef(table)} WHERE ${inArray(sql`${ident(field)}`, arrayParam("partition_values", partitions, type))} AND ${fileFilter}`;
}

/**
 * Writes rows by the table's declared strategy (DOMAIN §3.0), always through batch loads and a
 * generated MERGE, never DELETE + INSERT:
 * - MERGE_UPDATE: upsert on the key;
 * - INSERT_NEW_ONLY: insert only keys not stored yet;
 * - APPEND_ALWAYS: append every snapshot, idempotent per file (see appendIdentity);
 * - CHECK_BEFORE_INSERT: skip the whole batch when its file is already loaded.
 */
export async function writeRows(warehouse: Warehouse, table: TableSpec, rows: readonly Row[], labels: JobLabels): Promise<WriteResult> {
  if (rows.length === 0) return { inserted: 0, updated: 0, skipped: 0 };
  const strategy = writeStrategyOf(table);
  switch (strategy) {
    case "MERGE_UPDATE": {
      const merged = await warehouse.merge(table, rows, labels);
      return { ...merged, skipped: 0 };
    }
    case "INSERT_NEW_ONLY": {
      const merged = await warehouse.merge(table, rows, labels, { kind: "insert_new" });
      return { inserted: merged.inserted, updated: 0, skipped: rows.length - merged.inserted };
    }
    case "APPEND_ALWAYS": {
      const merged = await warehouse.merge(table, rows, labels, { kind: "insert_new", matchOn: appendIdentity(table) });
      return { inserted: merged.inserted, updated: 0, skipped: rows.length - merged.inserted };
    }
    case "CHECK_BEFORE_INSERT": {
      if (!hasColumn(table, "source_file_path")) throw new Error(`${tableId(table)} is CHECK_BEFORE_INSERT but has no source_file_path column`);
      const files = [...new Set(rows.map((r) => String(r.source_file_path)))].sort();
      const found = await warehouse.query(filesAlreadyLoaded(table, files, partitionValuesOf(table, rows)), labels);
      if (Number(found[0]?.n ?? 0) > 0) return { inserted: 0, updated: 0, skipped: rows.length };
      return { inserted: await warehouse.append(table, rows, labels), updated: 0, skipped: 0 };
    }
  }
}
