import { duckdbTypeName } from "../../catalog/derive/duckdb-ddl";
import type { ParamPart, TablePart } from "./fragment";

export type DialectName = "bigquery" | "duckdb";

/** What differs between the warehouses; everything else is the portable core. */
export interface Dialect {
  readonly name: DialectName;
  table(part: TablePart): string;
  ident(name: string): string;
  param(part: ParamPart): string;
  inArray(expr: string, param: ParamPart): string;
  /** Element `offset` (0-based) of an array expression; NULL when the array is shorter. */
  arrayElement(array: string, offset: number): string;
}

export function bigQueryDialect(project: string): Dialect {
  if (!/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/.test(project)) throw new Error(`bigquery: invalid project id "${project}"`);
  return {
    name: "bigquery",
    table: (t) => `\`${project}.${t.dataset}.${t.table}\``,
    ident: (n) => n,
    param: (p) => `@${p.name}`,
    inArray: (expr, p) => `${expr} IN UNNEST(@${p.name})`,
    arrayElement: (array, offset) => `${array}[SAFE_OFFSET(${offset})]`,
  };
}

/** Parameters are cast to their catalog type so DATE/TIMESTAMP strings compare as dates. */
export const duckdbDialect: Dialect = {
  name: "duckdb",
  table: (t) => `"${t.dataset}"."${t.table}"`,
  ident: (n) => `"${n}"`,
  param: (p) => `CAST($${p.name} AS ${duckdbTypeName(p.type)}${p.array ? "[]" : ""})`,
  inArray: (expr, p) => `${expr} IN (SELECT UNNEST(CAST($${p.name} AS ${duckdbTypeName(p.type)}[])))`,
  // DuckDB lists are 1-based.
  arrayElement: (array, offset) => `${array}[${offset + 1}]`,
};
