import type { Row } from "../../catalog/derive/row-type";
import { rowAccepted } from "../../catalog/derive/row-check";
import { rowSchema } from "../../catalog/derive/zod-schema";
import type { TableSpec } from "../../catalog/types";
import type { QuarantinedRecord } from "./quarantine";

export function keyOf(table: TableSpec, row: Row): string {
  return table.key.map((k) => `${k}=${String(row[k])}`).join(", ");
}

/** Output rows that do not fit the catalog schema (a transform bug, reported like bad input). */
export function invalidOutputRows(table: TableSpec, rows: readonly Row[]): QuarantinedRecord[] {
  const schema = rowSchema(table);
  const out: QuarantinedRecord[] = [];
  rows.forEach((row, i) => {
    if (rowAccepted(table, row)) return;
    const result = schema.safeParse(row);
    if (result.success) return;
    const issue = result.error.issues[0];
    const field = issue?.path.join(".") ?? "?";
    out.push({ source: `${table.dataset}.${table.name}`, record: `output row ${i} (${keyOf(table, row)})`, field, value: row[field], reason: issue?.message ?? "invalid", index: i, key: keyOf(table, row) });
  });
  return out;
}

/** Keys that occur more than once among the rows to write; MERGE would silently keep only one. */
export function duplicateKeys(table: TableSpec, rows: readonly Row[]): string[] {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  for (const row of rows) {
    const key = keyOf(table, row);
    if (seen.has(key)) dupes.add(key);
    seen.add(key);
  }
  return [...dupes];
}
