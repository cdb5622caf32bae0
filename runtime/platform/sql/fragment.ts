import type { ColumnType } from "../../catalog/types";

/** A value a query parameter may hold. Dates and timestamps travel as ISO strings, typed by `type`. */
export type SqlScalar = string | number | boolean | null;
export type SqlValue = SqlScalar | readonly SqlScalar[];

export interface ParamPart {
  readonly kind: "param";
  readonly name: string;
  readonly value: SqlValue;
  readonly type: ColumnType;
  readonly array: boolean;
}

export interface TablePart {
  readonly kind: "table";
  readonly dataset: string;
  readonly table: string;
}

export interface IdentPart {
  readonly kind: "ident";
  readonly name: string;
}

/** `expr IN <array param>`: `IN UNNEST(@p)` in BigQuery, `IN (SELECT UNNEST(...))` in DuckDB. */
export interface InArrayPart {
  readonly kind: "in_array";
  readonly expr: SqlFragment;
  readonly param: ParamPart;
}

/** One element of an array column by its 0-based offset: `col[SAFE_OFFSET(n)]` in BigQuery, `col[n + 1]` in DuckDB (lists are 1-based); NULL past the end in both. */
export interface ArrayElementPart {
  readonly kind: "array_element";
  readonly column: string;
  readonly offset: number;
}

export type SqlPart = { readonly kind: "text"; readonly text: string } | ParamPart | TablePart | IdentPart | InArrayPart | ArrayElementPart;

/**
 * SQL written once, rendered per dialect. Values can only enter through parameters: the
 * template tag accepts fragments, tables, identifiers and parameters, never raw values.
 */
export class SqlFragment {
  constructor(
    readonly parts: readonly SqlPart[],
    /** Set on a read confined to a date window of one table's partitions (see `inPartitionWindow`). */
    readonly window?: PartitionWindow,
  ) {}
}

/** The partitions `from <= date <= to` (ISO dates) of one table, `dataset.name`. */
export interface PartitionWindow {
  readonly table: string;
  readonly from: string;
  readonly to: string;
}

/**
 * Marks a read as touching only the window's partitions of its table: a write to other partitions
 * cannot change its result, so a warehouse may keep the result across such writes. The statement
 * must name no other table, and must filter on the table's date partition column within the window.
 */
export function inPartitionWindow(statement: SqlFragment, window: PartitionWindow): SqlFragment {
  return new SqlFragment(statement.parts, window);
}

export type SqlInterpolation = SqlFragment | ParamPart | TablePart | IdentPart | InArrayPart | ArrayElementPart;

export function sql(strings: TemplateStringsArray, ...values: readonly SqlInterpolation[]): SqlFragment {
  const parts: SqlPart[] = [];
  strings.forEach((text, i) => {
    if (text) parts.push({ kind: "text", text });
    const value = values[i];
    if (value === undefined) return;
    if (value instanceof SqlFragment) parts.push(...value.parts);
    else parts.push(value);
  });
  return new SqlFragment(parts);
}

const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function param(name: string, value: SqlScalar, type: ColumnType): ParamPart {
  if (!PARAM_NAME.test(name)) throw new Error(`sql: invalid parameter name "${name}"`);
  return { kind: "param", name, value, type, array: false };
}

export function arrayParam(name: string, value: readonly SqlScalar[], type: ColumnType): ParamPart {
  if (!PARAM_NAME.test(name)) throw new Error(`sql: invalid parameter name "${name}"`);
  return { kind: "param", name, value, type, array: true };
}

export function tableRef(table: { readonly dataset: string; readonly name: string }): TablePart {
  return { kind: "table", dataset: table.dataset, table: table.name };
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function ident(name: string): IdentPart {
  if (!IDENT.test(name)) throw new Error(`sql: invalid identifier "${name}"`);
  return { kind: "ident", name };
}

export function inArray(expr: SqlFragment, arrayParameter: ParamPart): InArrayPart {
  if (!arrayParameter.array) throw new Error(`sql: IN needs an array parameter, got scalar "${arrayParameter.name}"`);
  return { kind: "in_array", expr, param: arrayParameter };
}

export function arrayElement(column: string, offset: number): ArrayElementPart {
  if (!IDENT.test(column)) throw new Error(`sql: invalid identifier "${column}"`);
  if (!Number.isInteger(offset) || offset < 0) throw new Error(`sql: array offset must be a whole number >= 0, got ${offset}`);
  return { kind: "array_element", column, offset };
}

/** Joins fragments with a separator (itself SQL text, e.g. ", " or " AND "). */
export function join(fragments: readonly SqlFragment[], separator: string): SqlFragment {
  const parts: SqlPart[] = [];
  fragments.forEach((f, i) => {
    if (i > 0) parts.push({ kind: "text", text: separator });
    parts.push(...f.parts);
  });
  return new SqlFragment(parts);
}

export function identList(names: readonly string[], prefix?: string): SqlFragment {
  return join(
    names.map((n) => (prefix ? sql`${ident(prefix)}.${ident(n)}` : sql`${ident(n)}`)),
    ", ",
  );
}
