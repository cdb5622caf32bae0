import type { TableSpec } from "../../catalog/types";

const TECHNICAL = new Set(["source_kind", "data_hash", "processed_at", "created_at", "source_file_path"]);

/** The columns whose values define a row's content hash: everything but bookkeeping. */
export function contentFields(table: TableSpec): string[] {
  return table.columns.map((c) => c.name).filter((n) => !TECHNICAL.has(n) && !n.endsWith("_last_updated"));
}
