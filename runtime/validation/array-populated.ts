import { arrayElement, arrayParam, ident, inArray, join, param, sql, type SqlFragment } from "../platform/sql";
import type { CheckSpec } from "./check-spec";

type ArrayPopulatedCheck = Extract<CheckSpec, { kind: "array_populated" }>;

/**
 * DOMAIN §5.4 "a feature 0% populated (C) or < 50% (W)", per date and element of an array of
 * per-element sources. `counts` (a CTE over `win`) holds, per date, each element's populated
 * rows (`p_N`), judged rows (`j_N`: all but the exempt values, e.g. nothing posted or no history
 * yet) and name (`n_N`); the violations are one row per (date, element) below the limits, keyed
 * `<date> f<N> <name> populated <p> of <j>`. Exempt-only elements are not judged that day.
 */
export function arrayPopulatedFragment(check: ArrayPopulatedCheck, i: number, counts: SqlFragment): { counts: SqlFragment; violations: SqlFragment } {
  const indexes = Array.from({ length: check.length }, (_, n) => n);
  const populated = arrayParam(`populated_${i}`, check.populated_values, "STRING");
  const exempt = arrayParam(`exempt_${i}`, check.exempt_values.length > 0 ? check.exempt_values : [""], "STRING");
  const aggregates = indexes.map((n) => {
    const element = sql`${arrayElement(check.column, n)}`;
    const name = check.names_column ? sql`MIN(${arrayElement(check.names_column, n)})` : sql`CAST(NULL AS STRING)`;
    return sql`SUM(CASE WHEN ${inArray(element, populated)} THEN 1 ELSE 0 END) AS ${column("p", n)},
    SUM(CASE WHEN ${element} IS NOT NULL AND ${inArray(element, exempt)} THEN 0 ELSE 1 END) AS ${column("j", n)}, ${name} AS ${column("n", n)}`;
  });
  const minRows = check.min_populated_rows !== undefined ? param(`min_rows_${i}`, check.min_populated_rows, "INT64") : null;
  const minShare = check.min_populated_share !== undefined ? param(`min_share_${i}`, check.min_populated_share, "FLOAT64") : null;
  const rows = indexes.map((n) => {
    const p = column("p", n);
    const j = column("j", n);
    const limits: SqlFragment[] = [];
    if (minRows) limits.push(sql`${p} < ${minRows}`);
    if (minShare) limits.push(sql`${p} < ${minShare} * ${j}`);
    const label = sql`CONCAT(COALESCE(CAST(_d AS STRING), 'all dates'), ' f', ${param(`element_${i}_${n}`, String(n), "STRING")}, ' ', COALESCE(${column("n", n)}, ''), ' populated ', CAST(${p} AS STRING), ' of ', CAST(${j} AS STRING))`;
    return sql`SELECT ${label} AS fail_key, _d AS fail_date FROM ${counts} WHERE ${j} > 0 AND (${join(limits, " OR ")})`;
  });
  return { counts: sql`SELECT _d, ${join(aggregates, ",\n    ")} FROM win GROUP BY _d`, violations: join(rows, "\n  UNION ALL\n  ") };
}

/** Generated column names of the counts CTE (p_0, j_0, n_0, ...), never taken from input. */
function column(prefix: "p" | "j" | "n", n: number): SqlFragment {
  return sql`${ident(`${prefix}_${n}`)}`;
}
