import type { ColumnMode, ColumnSpec, ColumnType } from "../types";

/** The JavaScript value a column type holds in a row (dates as YYYY-MM-DD, timestamps as ISO-8601 UTC). */
export interface ColumnValueTypes {
  STRING: string;
  INT64: number;
  FLOAT64: number;
  NUMERIC: number;
  BOOL: boolean;
  DATE: string;
  TIMESTAMP: string;
  JSON: unknown;
}

type ValueOf<T extends ColumnType, M extends ColumnMode> = M extends "REPEATED"
  ? ColumnValueTypes[T][]
  : M extends "REQUIRED"
    ? ColumnValueTypes[T]
    : ColumnValueTypes[T] | null;

/** The row type of a table, derived from its catalog columns. */
export type RowOf<T extends { readonly columns: readonly ColumnSpec[] }> = {
  [C in T["columns"][number] as C["name"]]: ValueOf<C["type"], C["mode"]>;
};

/** A row of a table whose shape is only known at run time. */
export type Row = Record<string, unknown>;

/** A row as a processor's transform produces it: the lifecycle stamps `source_kind` from the run's source. */
export type ProducedRow<T extends { readonly columns: readonly ColumnSpec[] }> = Omit<RowOf<T>, "source_kind">;
