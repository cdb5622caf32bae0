import type { ColumnSpec, ColumnType, TableSpec } from "../types";

const duckTypes: Record<ColumnType, string> = {
  STRING: "VARCHAR",
  INT64: "BIGINT",
  FLOAT64: "DOUBLE",
  NUMERIC: "DECIMAL(38, 9)",
  BOOL: "BOOLEAN",
  DATE: "DATE",
  TIMESTAMP: "TIMESTAMP",
  JSON: "JSON",
};

/** The DuckDB type of a catalog column type (also used to cast query parameters). */
export function duckdbTypeName(type: ColumnType): string {
  return duckTypes[type];
}

export function duckdbColumnType(column: ColumnSpec): string {
  const base = duckTypes[column.type];
  return column.mode === "REPEATED" ? `${base}[]` : base;
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

/** CREATE SCHEMA / CREATE TABLE statements for the local warehouse (dataset = schema). */
export function duckdbDdl(table: TableSpec): string[] {
  const columns = table.columns.map(
    (c) => `  ${quote(c.name)} ${duckdbColumnType(c)}${c.mode === "REQUIRED" ? " NOT NULL" : ""}`,
  );
  return [
    `CREATE SCHEMA IF NOT EXISTS ${quote(table.dataset)}`,
    `CREATE TABLE IF NOT EXISTS ${quote(table.dataset)}.${quote(table.name)} (\n${columns.join(",\n")}\n)`,
  ];
}
