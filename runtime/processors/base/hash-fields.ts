import type { TableSpec } from "../../catalog/types";

const TECHNICAL = new Set(["source_kind", "data_hash", "processed_at", "created_at", "source_file_path"]);

const byTable = new WeakMap<TableSpec, readonly string[]>();

/** The columns whose values define a row's content hash: everything but bookkeeping (one list per table, shared). */
export function contentFields(table: TableSpec): readonly string[] {
  let fields = byTable.get(table);
  if (!fields) {
    fields = Object.freeze(table.columns.map((c) => c.name).filter((n) => !TECHNICAL.has(n) && !n.endsWith("_last_updated")));
    byTable.set(table, fields);
  }
  return fields;
}
