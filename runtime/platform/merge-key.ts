import type { Row } from "../catalog/derive/row-type";
import type { ColumnType, TableSpec } from "../catalog/types";

function text(value: unknown): string {
  return typeof value === "string" ? value : typeof value === "number" || typeof value === "boolean" || typeof value === "bigint" ? String(value) : JSON.stringify(value);
}

function normalised(type: ColumnType | undefined, value: unknown): string {
  if (value === null || value === undefined) return "\u0000null";
  switch (type) {
    case "DATE":
      return text(value).slice(0, 10);
    case "TIMESTAMP":
      return String(Date.parse(text(value)));
    case "INT64":
    case "FLOAT64":
    case "NUMERIC":
      return String(Number(value));
    default:
      return text(value);
  }
}

/**
 * A row's match key as text, the same for the row sent and the row the warehouse hands back
 * (a DATE as `YYYY-MM-DD`, a TIMESTAMP as its instant, numbers as numbers), so the outcome of a
 * shared MERGE can be told back to the batch each row came from.
 */
export function mergeKeyOf(table: TableSpec, columns: readonly string[]): (row: Row) => string {
  const typed = columns.map((name) => ({ name, type: table.columns.find((c) => c.name === name)?.type }));
  return (row) => typed.map(({ name, type }) => normalised(type, row[name])).join("\u0001");
}
