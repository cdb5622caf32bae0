import type { TableSpec } from "../catalog/types";
import { param, SqlFragment, tableRef, type SqlPart } from "../platform/sql";

export interface CustomSqlContext {
  readonly table: TableSpec;
  readonly window: { readonly from: string; readonly to: string };
  readonly tables: readonly TableSpec[];
}

const PLACEHOLDER = /\{(table|from|to|ref:([a-z_]+)\.([a-z0-9_]+))\}/g;

/**
 * The escape hatch: a config's own SELECT returning one row per violation (`failing_key`, and
 * optionally `failing_date`). Tables and the window enter only through placeholders, which
 * become table references and parameters, so the text stays the same in both dialects.
 */
export function customSqlFragment(text: string, ctx: CustomSqlContext): SqlFragment {
  const parts: SqlPart[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    parts.push({ kind: "text", text: text.slice(last, match.index) });
    const [, name, dataset, table] = match;
    if (name === "table") parts.push(tableRef(ctx.table));
    else if (name === "from") parts.push(param("window_from", ctx.window.from, "DATE"));
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
