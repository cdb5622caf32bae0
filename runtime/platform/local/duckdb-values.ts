import { DuckDBTypeId, listValue, type DuckDBResultReader, type DuckDBValue } from "@duckdb/node-api";
import type { Row } from "../../catalog/derive/row-type";
import type { RenderedParam } from "../sql/render";

/** Query parameters as DuckDB values (the SQL text casts them to their catalog types). */
export function toDuckDbParams(params: Readonly<Record<string, RenderedParam>>): Record<string, DuckDBValue> {
  const out: Record<string, DuckDBValue> = {};
  for (const [name, p] of Object.entries(params)) {
    const v = p.value;
    out[name] = Array.isArray(v) ? listValue(v as DuckDBValue[]) : (v as DuckDBValue);
  }
  return out;
}

const NUMERIC_IDS = new Set<DuckDBTypeId>([
  DuckDBTypeId.TINYINT,
  DuckDBTypeId.SMALLINT,
  DuckDBTypeId.INTEGER,
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.UTINYINT,
  DuckDBTypeId.USMALLINT,
  DuckDBTypeId.UINTEGER,
  DuckDBTypeId.UBIGINT,
  DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UHUGEINT,
  DuckDBTypeId.DECIMAL,
]);

const TIMESTAMP_IDS = new Set<DuckDBTypeId>([DuckDBTypeId.TIMESTAMP, DuckDBTypeId.TIMESTAMP_MS, DuckDBTypeId.TIMESTAMP_S, DuckDBTypeId.TIMESTAMP_NS]);

function toNumber(value: unknown, column: string): number {
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`duckdb: column ${column} value ${String(value)} is not a finite number`);
  return n;
}

/** "2025-03-15 19:00:00[.123]" (UTC, naive) → "2025-03-15T19:00:00.123Z". */
function toIsoTimestamp(value: string): string {
  const d = new Date(`${value.replace(" ", "T")}Z`);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}

/** Result rows as plain values: numbers for integers and decimals, ISO strings for timestamps. */
export function readRows(reader: DuckDBResultReader): Row[] {
  const names = reader.columnNames();
  const types = reader.columnTypes().map((t) => t.typeId);
  return reader.getRowObjectsJson().map((raw) => {
    const row: Row = {};
    names.forEach((name, i) => {
      const value = raw[name];
      const typeId = types[i];
      if (value === null || value === undefined || typeId === undefined) row[name] = value ?? null;
      else if (NUMERIC_IDS.has(typeId)) row[name] = toNumber(value, name);
      else if (TIMESTAMP_IDS.has(typeId) && typeof value === "string") row[name] = toIsoTimestamp(value);
      else row[name] = value;
    });
    return row;
  });
}
