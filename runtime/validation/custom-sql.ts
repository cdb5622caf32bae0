import type { TableSpec } from "../catalog/types";
import { seasonYearForDate } from "../domain/season";
import { arrayElement, param, SqlFragment, tableRef, type SqlPart } from "../platform/sql";

export interface CustomSqlContext {
  readonly table: TableSpec;
  readonly window: { readonly from: string; readonly to: string };
  readonly tables: readonly TableSpec[];
}

const PLACEHOLDER = /\{(table|from|to|season_from|season_to|ref:([a-z_]+)\.([a-z0-9_]+)|element:([a-z_][a-z0-9_]*):(\d+))\}/g;

/**
 * The escape hatch: a config's own SELECT returning one row per violation (`failing_key`, and
 * optionally `failing_date`). Tables and the window enter only through placeholders, which
 * become table references and parameters, so the text stays the same in both dialects.
 * `{season_from}`/`{season_to}` widen the window to the whole seasons it touches (October 1 to
 * September 30), for season-level checks; as parameters they still filter the partitions.
 * `{element:column:N}` is element N (0-based) of the table's array column: BigQuery indexes
 * `col[SAFE_OFFSET(N)]`, DuckDB lists are 1-based `col[N+1]`; NULL past the end in both.
 */
export function customSqlFragment(text: string, ctx: CustomSqlContext): SqlFragment {
  const parts: SqlPart[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    parts.push({ kind: "text", text: text.slice(last, match.index) });
    const [, name, dataset, table, arrayColumn, offset] = match;
    if (name === "table") parts.push(tableRef(ctx.table));
    else if (arrayColumn !== undefined && offset !== undefined) {
      const column = ctx.table.columns.find((c) => c.name === arrayColumn);
      if (column?.mode !== "REPEATED") throw new Error(`custom_sql: {element:${arrayColumn}:${offset}} needs an array column of ${ctx.table.dataset}.${ctx.table.name}`);
      parts.push(arrayElement(arrayColumn, Number(offset)));
    }
    else if (name === "from") parts.push(param("window_from", ctx.window.from, "DATE"));
    else if (name === "season_from") parts.push(param("season_from", `${seasonYearForDate(ctx.window.from)}-10-01`, "DATE"));
    else if (name === "season_to") parts.push(param("season_to", `${seasonYearForDate(ctx.window.to) + 1}-09-30`, "DATE"));
    else if (name === "to") parts.push(param("window_to", ctx.window.to, "DATE"));
    else {
      const ref = ctx.tables.find((t) => t.dataset === dataset && t.name === table);
      if (!ref) throw new Error(`custom_sql: {ref:${dataset}.${table}} is not a catalog table`);
      parts.push(tableRef(ref));
    }
    last = match.index + match[0].length;
  }
  parts.push({ kind: "text", text: text.slice(last) });
  const failingDate = /\bfailing_date\b/.test(text) ? "CAST(failing_date AS DATE)" : "CAST(NULL AS DATE)";
  return new SqlFragment([
    { kind: "text", text: "SELECT CAST(failing_key AS STRING) AS fail_key, " + failingDate + " AS fail_date FROM (" },
    ...parts,
    { kind: "text", text: ") custom" },
  ]);
}
