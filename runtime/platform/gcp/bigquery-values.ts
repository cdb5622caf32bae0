import { BigQuery, BigQueryDate, BigQueryDatetime, BigQueryTime, BigQueryTimestamp } from "@google-cloud/bigquery";
import type { ColumnType } from "../../catalog/types";
import type { Row } from "../../catalog/derive/row-type";
import type { RenderedParam } from "../sql/render";

export interface BigQueryParams {
  readonly params: Record<string, unknown>;
  readonly types: Record<string, string | string[]>;
}

/**
 * The client sends DATE and TIMESTAMP parameters from its own wrapper types only (a plain string
 * becomes an empty value, silently matching nothing), so those are wrapped here.
 */
function paramValue(value: unknown, type: ColumnType): unknown {
  if (typeof value !== "string") return value;
  if (type === "DATE") return BigQuery.date(value);
  if (type === "TIMESTAMP") return BigQuery.timestamp(value);
  return value;
}

/** Named query parameters with explicit types, so NULLs and empty arrays are typed too. */
export function toBigQueryParams(rendered: Readonly<Record<string, RenderedParam>>): BigQueryParams {
  const params: Record<string, unknown> = {};
  const types: Record<string, string | string[]> = {};
  for (const [name, p] of Object.entries(rendered)) {
    params[name] = Array.isArray(p.value) ? (p.value as readonly unknown[]).map((v) => paramValue(v, p.type)) : paramValue(p.value, p.type);
    types[name] = p.array ? [p.type] : p.type;
  }
  return { params, types };
}

/** NUMERIC values come as big.js numbers; they print as plain decimals. */
function isBig(value: object): value is { toFixed(): string } {
  return value.constructor.name === "Big" && typeof (value as { toFixed?: unknown }).toFixed === "function";
}

/** The client's typed values as plain ones: numbers, booleans, ISO dates and timestamps (as DuckDB gives). */
function plainValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof BigQueryTimestamp) return new Date(value.value).toISOString();
  if (value instanceof BigQueryDate || value instanceof BigQueryDatetime || value instanceof BigQueryTime) return value.value;
  if (Buffer.isBuffer(value)) return value.toString("base64");
  if (Array.isArray(value)) return value.map(plainValue);
  if (typeof value === "object" && isBig(value)) return Number(value.toFixed());
  return value;
}

export function plainRow(row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [name, value] of Object.entries(row)) out[name] = plainValue(value);
  return out;
}
