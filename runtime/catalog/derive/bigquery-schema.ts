import type { ColumnType, TableSpec } from "../types";

export interface BigQueryField {
  readonly name: string;
  readonly type: "STRING" | "INT64" | "FLOAT64" | "NUMERIC" | "BOOL" | "DATE" | "TIMESTAMP" | "JSON";
  readonly mode: "REQUIRED" | "NULLABLE" | "REPEATED";
  readonly description: string;
}

const bigQueryTypes: Record<ColumnType, BigQueryField["type"]> = {
  STRING: "STRING",
  INT64: "INT64",
  FLOAT64: "FLOAT64",
  NUMERIC: "NUMERIC",
  BOOL: "BOOL",
  DATE: "DATE",
  TIMESTAMP: "TIMESTAMP",
  JSON: "JSON",
};

/** The BigQuery table schema (the JSON `google_bigquery_table.schema` takes). */
export function bigQuerySchema(table: TableSpec): BigQueryField[] {
  return table.columns.map((c) => ({ name: c.name, type: bigQueryTypes[c.type], mode: c.mode, description: c.description }));
}
