import { z } from "zod";
import type { ColumnSpec, TableSpec } from "../types";

/** What a DATE value must look like (shared with the compiled check of row-check.ts). */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isoDate = z.string().regex(ISO_DATE, "expected a date YYYY-MM-DD");
const isoTimestamp = z.iso.datetime({ offset: true });

function valueSchema(column: ColumnSpec): z.ZodType {
  switch (column.type) {
    case "STRING":
      return z.string();
    case "INT64":
      return z.number().int().refine(Number.isSafeInteger, "integer out of safe range");
    case "FLOAT64":
    case "NUMERIC":
      return z.number().finite();
    case "BOOL":
      return z.boolean();
    case "DATE":
      return isoDate;
    case "TIMESTAMP":
      return isoTimestamp;
    case "JSON":
      return z.unknown();
  }
}

function columnSchema(column: ColumnSpec): z.ZodType {
  const value = valueSchema(column);
  if (column.mode === "REPEATED") return z.array(value);
  return column.mode === "REQUIRED" ? value : value.nullable();
}

const cache = new WeakMap<TableSpec, z.ZodType<Record<string, unknown>>>();

/** A strict zod schema for one row: every column present, no unknown keys, values of the column type. */
export function rowSchema(table: TableSpec): z.ZodType<Record<string, unknown>> {
  const cached = cache.get(table);
  if (cached) return cached;
  const shape: Record<string, z.ZodType> = {};
  for (const column of table.columns) shape[column.name] = columnSchema(column);
  const schema = z.strictObject(shape) as unknown as z.ZodType<Record<string, unknown>>;
  cache.set(table, schema);
  return schema;
}
