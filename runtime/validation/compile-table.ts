import { TEAMS } from "../domain/teams";
import { addDays } from "../domain/et-date";
import type { ColumnType, TableSpec } from "../catalog/types";
import { arrayParam, ident, inArray, join, param, sql, SqlFragment, tableRef } from "../platform/sql";
import type { CheckSpec, DueRule, TableConfig } from "./check-spec";
import { arrayPopulatedFragment } from "./array-populated";
import { customSqlFragment } from "./custom-sql";
import { dueCutoff, etMidnight, type DueCutoff } from "./due-window";

/** The date window a run judges (ET dates, inclusive) and the instant it judges them at. */
export interface ValidationWindow {
  readonly from: string;
  readonly to: string;
  readonly now: Date;
}

export interface CompileInput {
  readonly table: TableSpec;
  readonly config: TableConfig;
  /** The checks to compile (all runnable checks of the table, or one in the fallback). */
  readonly checks: readonly CheckSpec[];
  readonly window: ValidationWindow;
  readonly schedule: TableSpec;
  readonly tables: readonly TableSpec[];
}

/** Columns every compiled query returns, one row per check. */
export interface CheckRow {
  readonly check_key: string;
  readonly failures: number;
  readonly sample: string | null;
  readonly first_fail_date: string | null;
  readonly last_fail_date: string | null;
  readonly rows_checked: number;
  readonly due_units: number | null;
  readonly latest_row_date: string | null;
  readonly latest_due_date: string | null;
  readonly mean_window: number | null;
  readonly mean_baseline: number | null;
}

export const SAMPLE_SIZE = 10;
/** Joins sample keys in the query (a constant of the SQL text, as `' | '`). */
export const SAMPLE_SEPARATOR = " | ";

/** The column the date window applies to, or null when the table is judged whole. */
export function dateColumnOf(table: TableSpec, config: TableConfig): string | null {
  if (config.date_column !== undefined) return config.date_column;
  return table.partitioning.kind === "time" ? table.partitioning.field : null;
}

export function dueRuleOf(config: TableConfig, check: CheckSpec): DueRule {
  return check.due ?? config.due;
}

/** Columns of this table a check reads (checked against the catalog before compiling). */
export function columnsReadBy(check: CheckSpec): string[] {
  switch (check.kind) {
    case "rows_per_group":
      return [...check.group_by, ...(check.count_distinct ? [check.count_distinct] : [])];
    case "unique_key":
      return [...check.columns];
    case "not_null_rate":
    case "value_bounds":
    case "allowed_values":
    case "distribution_drift":
      return [check.column];
    case "completeness":
      return [check.game_column, ...(check.team_column ? [check.team_column] : [])];
    case "cross_equality":
      return [check.game_column, check.team_column, check.sum];
    case "array_populated":
      return [check.column, ...(check.names_column ? [check.names_column] : [])];
    case "freshness":
    case "custom_sql":
      return [];
  }
}

function floatNull(): SqlFragment {
  return sql`${param("null_float", null, "FLOAT64")}`;
}

/** Text of a value for sample keys; NULL shows as NULL. */
function text(expr: SqlFragment): SqlFragment {
  return sql`COALESCE(CAST(${expr} AS STRING), 'NULL')`;
}

function keyText(columns: readonly string[], prefix?: string): SqlFragment {
  const parts = columns.map((c) => text(prefix ? sql`${ident(prefix)}.${ident(c)}` : sql`${ident(c)}`));
  return parts.length === 1 ? parts[0]! : sql`CONCAT(${join(parts, ", ' ', ")})`;
}

interface Compiled {
  readonly ctes: SqlFragment[];
  readonly rows: SqlFragment[];
}

/**
 * All checks of one table as ONE query over the date window (one scan per table, STYLE.md data
 * quality): a `base` CTE reads the table once (widened back for drift baselines), `win` is the
 * window, a `due_N` CTE per due rule holds the schedule games due by now, one CTE per check
 * holds its violating keys, and the result is one row per check (see CheckRow).
 */
export function compileTableQuery(input: CompileInput): SqlFragment {
  const { table, config, window } = input;
  const dateColumn = dateColumnOf(table, config);
  const dateType: ColumnType = table.columns.find((c) => c.name === dateColumn)?.type ?? "DATE";
  const baselineDays = Math.max(0, ...input.checks.map((c) => (c.kind === "distribution_drift" ? c.baseline_days : 0)));
  const baseFrom = addDays(window.from, -baselineDays);

  const needed = new Set<string>([...table.key, ...(dateColumn ? [dateColumn] : []), ...input.checks.flatMap(columnsReadBy)]);
  const columns = table.columns.map((c) => c.name).filter((c) => needed.has(c));
  const dateExpr = dateColumn ? (dateType === "TIMESTAMP" ? sql`CAST(${ident(dateColumn)} AS DATE)` : sql`${ident(dateColumn)}`) : null;
  const windowFilter = (from: string, fromName: string): SqlFragment => {
    if (!dateColumn) return sql`TRUE`;
    if (dateType === "TIMESTAMP") {
      return sql`${ident(dateColumn)} >= ${param(`${fromName}_ts`, etMidnight(from).toISOString(), "TIMESTAMP")} AND ${ident(dateColumn)} < ${param("window_end_ts", etMidnight(addDays(window.to, 1)).toISOString(), "TIMESTAMP")}`;
    }
    return sql`${ident(dateColumn)} BETWEEN ${param(fromName, from, "DATE")} AND ${param("window_to", window.to, "DATE")}`;
  };
  const ctes: SqlFragment[] = [
    sql`base AS (SELECT ${join(
      columns.map((c) => sql`${ident(c)}`),
      ", ",
    )}${dateExpr ? sql`, ${dateExpr} AS _d` : sql`, CAST(NULL AS DATE) AS _d`} FROM ${tableRef(table)} WHERE ${windowFilter(baseFrom, "base_from")})`,
    sql`win AS (SELECT * FROM base WHERE ${dateColumn ? sql`_d >= ${param("window_from", window.from, "DATE")}` : sql`TRUE`})`,
  ];

  const dueNames = new Map<string, string>();
  const dueCte = (rule: DueRule): string | null => {
    const cutoff = dueCutoff(rule, window.now);
    if (cutoff.kind === "always") return null;
    const id = JSON.stringify(cutoff);
    const existing = dueNames.get(id);
    if (existing) return existing;
    const name = `due_${dueNames.size}`;
    dueNames.set(id, name);
    ctes.push(sql`${named(name)} AS (${dueGames(input.schedule, window, cutoff, name)})`);
    return name;
  };

  const compiled: Compiled = { ctes, rows: [] };
  input.checks.forEach((check, i) => {
    const due = dueCte(dueRuleOf(config, check));
    compileCheck(compiled, check, i, { table, due, dateColumn, hasDate: dateExpr !== null, window, tables: input.tables });
  });
  return sql`WITH ${join(compiled.ctes, ",\n")}\n${join(compiled.rows, "\nUNION ALL\n")}`;
}

function dueGames(schedule: TableSpec, window: ValidationWindow, cutoff: DueCutoff, name: string): SqlFragment {
  let condition: SqlFragment;
  switch (cutoff.kind) {
    case "started_before":
      condition = sql`game_start_utc <= ${param(`${name}_cutoff`, cutoff.instant, "TIMESTAMP")}${cutoff.finalOnly ? sql` AND game_status = 3` : sql``}`;
      break;
    case "dated_through":
      condition = sql`game_status = 3 AND game_date <= ${param(`${name}_cutoff`, cutoff.date, "DATE")}`;
      break;
    default:
      condition = sql`FALSE`;
  }
  return sql`SELECT DISTINCT canonical_game_id AS game_id, game_date, game_status, home_team_tricode, away_team_tricode, home_team_score, away_team_score
  FROM ${tableRef(schedule)}
  WHERE game_date BETWEEN ${param("sched_from", window.from, "DATE")} AND ${param("sched_to", window.to, "DATE")} AND ${condition}`;
}

interface CheckContext {
  readonly table: TableSpec;
  readonly due: string | null;
  readonly dateColumn: string | null;
  readonly hasDate: boolean;
  readonly window: ValidationWindow;
  readonly tables: readonly TableSpec[];
}

/** SQL text generated here (CTE names such as v_0, due_1, and the sample size), never taken from input. */
function named(name: string): SqlFragment {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`validation: bad generated name ${name}`);
  return new SqlFragment([{ kind: "text", text: name }]);
}

function compileCheck(out: Compiled, check: CheckSpec, i: number, ctx: CheckContext): void {
  const v = named(`v_${i}`);
  const due = ctx.due ? named(ctx.due) : null;
  const dueCount = due ? sql`(SELECT COUNT(*) FROM ${due})` : sql`CAST(NULL AS INT64)`;
  const latestDue = due ? sql`(SELECT CAST(MAX(game_date) AS STRING) FROM ${due})` : sql`CAST(NULL AS STRING)`;
  let violations: SqlFragment | null = null;
  let meanWindow = floatNull();
  let meanBaseline = floatNull();
  const key = keyText(ctx.table.key);
  const noDue = sql`SELECT CAST(NULL AS STRING) AS fail_key, CAST(NULL AS DATE) AS fail_date FROM win WHERE FALSE`;

  switch (check.kind) {
    case "rows_per_group": {
      const counted = check.count_distinct ? sql`COUNT(DISTINCT ${ident(check.count_distinct)})` : sql`COUNT(*)`;
      const groupCols = check.group_by.map((c) => sql`${ident(c)}`);
      const limits: SqlFragment[] = [];
      if (check.min !== undefined) limits.push(sql`n < ${param(`min_${i}`, check.min, "INT64")}`);
      if (check.max !== undefined) limits.push(sql`n > ${param(`max_${i}`, check.max, "INT64")}`);
      const groupKey = check.group_by.length > 0 ? keyText(check.group_by) : sql`'all rows'`;
      violations = sql`SELECT CONCAT(${groupKey}, ' n=', CAST(n AS STRING)) AS fail_key, d AS fail_date FROM (
    SELECT ${groupCols.length > 0 ? sql`${join(groupCols, ", ")}, ` : sql``}MIN(_d) AS d, ${counted} AS n FROM win${groupCols.length > 0 ? sql` GROUP BY ${join(groupCols, ", ")}` : sql``}
  ) g WHERE ${limits.length > 0 ? join(limits, " OR ") : sql`FALSE`}`;
      break;
    }
    case "unique_key": {
      const cols = check.columns.map((c) => sql`${ident(c)}`);
      violations = sql`SELECT CONCAT(${keyText(check.columns)}, ' rows=', CAST(n AS STRING)) AS fail_key, d AS fail_date FROM (
    SELECT ${join(cols, ", ")}, MIN(_d) AS d, COUNT(*) AS n FROM win GROUP BY ${join(cols, ", ")}
  ) g WHERE n > 1`;
      break;
    }
    case "not_null_rate":
      violations = sql`SELECT ${key} AS fail_key, _d AS fail_date FROM win WHERE ${ident(check.column)} IS NULL`;
      break;
    case "value_bounds": {
      const limits: SqlFragment[] = [];
      if (check.min !== undefined) limits.push(sql`${ident(check.column)} < ${param(`min_${i}`, check.min, "FLOAT64")}`);
      if (check.max !== undefined) limits.push(sql`${ident(check.column)} > ${param(`max_${i}`, check.max, "FLOAT64")}`);
      violations = sql`SELECT CONCAT(${key}, ${param(`label_${i}`, ` ${check.column}=`, "STRING")}, CAST(${ident(check.column)} AS STRING)) AS fail_key, _d AS fail_date FROM win
  WHERE ${ident(check.column)} IS NOT NULL AND (${limits.length > 0 ? join(limits, " OR ") : sql`FALSE`})`;
      break;
    }
    case "allowed_values": {
      const values = check.values ?? (check.values_from === "nba_teams" ? TEAMS.map((t) => t.tricode) : []);
      const column = sql`${ident(check.column)}`;
      const outside = sql`NOT (${inArray(column, arrayParam(`values_${i}`, values, "STRING"))})`;
      const condition = check.allow_null ? sql`${column} IS NOT NULL AND ${outside}` : sql`${column} IS NULL OR ${outside}`;
      violations = sql`SELECT CONCAT(${text(column)}, ' rows=', CAST(COUNT(*) AS STRING)) AS fail_key, MIN(_d) AS fail_date FROM win WHERE ${condition} GROUP BY ${column}`;
      break;
    }
    case "completeness": {
      if (!due) {
        violations = noDue;
        break;
      }
      const game = ident(check.game_column);
      if (check.reference === "schedule_games") {
        violations = sql`SELECT CONCAT(CAST(r.game_date AS STRING), ' ', r.game_id, ' rows=', CAST(COALESCE(t.n, 0) AS STRING)) AS fail_key, r.game_date AS fail_date
  FROM ${due} r LEFT JOIN (SELECT ${game} AS g, COUNT(*) AS n FROM win GROUP BY ${game}) t ON t.g = r.game_id
  WHERE COALESCE(t.n, 0) < ${param(`min_${i}`, check.min_rows, "INT64")}`;
      } else {
        const team = ident(check.team_column ?? "team_abbr");
        violations = sql`SELECT CONCAT(CAST(r.game_date AS STRING), ' ', r.game_id, ' ', r.team, ' rows=', CAST(COALESCE(t.n, 0) AS STRING)) AS fail_key, r.game_date AS fail_date
  FROM (SELECT game_date, game_id, home_team_tricode AS team FROM ${due} UNION ALL SELECT game_date, game_id, away_team_tricode AS team FROM ${due}) r
  LEFT JOIN (SELECT ${game} AS g, ${team} AS tm, COUNT(*) AS n FROM win GROUP BY ${game}, ${team}) t ON t.g = r.game_id AND t.tm = r.team
  WHERE COALESCE(t.n, 0) < ${param(`min_${i}`, check.min_rows, "INT64")}`;
      }
      break;
    }
    case "cross_equality": {
      if (!due) {
        violations = noDue;
        break;
      }
      const game = ident(check.game_column);
      const team = ident(check.team_column);
      violations = sql`SELECT CONCAT(CAST(r.game_date AS STRING), ' ', r.game_id, ' ', r.team, ' sum=', COALESCE(CAST(t.s AS STRING), 'none'), ' score=', CAST(r.score AS STRING)) AS fail_key, r.game_date AS fail_date
  FROM (SELECT game_date, game_id, home_team_tricode AS team, home_team_score AS score FROM ${due} WHERE game_status = 3
        UNION ALL SELECT game_date, game_id, away_team_tricode AS team, away_team_score AS score FROM ${due} WHERE game_status = 3) r
  LEFT JOIN (SELECT ${game} AS g, ${team} AS tm, SUM(COALESCE(${ident(check.sum)}, 0)) AS s FROM win GROUP BY ${game}, ${team}) t ON t.g = r.game_id AND t.tm = r.team
  WHERE t.s IS NULL OR ABS(t.s - r.score) > ${param(`tolerance_${i}`, check.tolerance, "FLOAT64")}`;
      break;
    }
    case "freshness":
      violations = null;
      break;
    case "distribution_drift": {
      const column = ident(check.column);
      const one = param("one", 1, "FLOAT64");
      meanWindow = sql`(SELECT AVG(${column}) * ${one} FROM win)`;
      meanBaseline = sql`(SELECT AVG(${column}) * ${one} FROM base WHERE _d < ${param("window_from", ctx.window.from, "DATE")} AND _d >= ${param(`baseline_from_${i}`, addDays(ctx.window.from, -check.baseline_days), "DATE")})`;
      break;
    }
    case "array_populated": {
      const counts = named(`pop_${i}`);
      const fragments = arrayPopulatedFragment(check, i, counts);
      out.ctes.push(sql`${counts} AS (${fragments.counts})`);
      violations = fragments.violations;
      break;
    }
    case "custom_sql":
      violations = customSqlFragment(check.sql, { table: ctx.table, window: ctx.window, tables: ctx.tables });
      break;
  }

  if (violations) out.ctes.push(sql`${v} AS (${violations})`);
  const failures = violations ? sql`(SELECT COUNT(*) FROM ${v})` : sql`0`;
  const sample = violations
    ? sql`(SELECT STRING_AGG(fail_key, ' | ') FROM (SELECT fail_key FROM ${v} ORDER BY fail_key LIMIT ${named(String(SAMPLE_SIZE))}) s)`
    : sql`CAST(NULL AS STRING)`;
  const firstDate = violations ? sql`(SELECT CAST(MIN(fail_date) AS STRING) FROM ${v})` : sql`CAST(NULL AS STRING)`;
  const lastDate = violations ? sql`(SELECT CAST(MAX(fail_date) AS STRING) FROM ${v})` : sql`CAST(NULL AS STRING)`;
  out.rows.push(sql`SELECT ${param(`check_${i}`, check.key, "STRING")} AS check_key, ${failures} AS failures, ${sample} AS sample, ${firstDate} AS first_fail_date, ${lastDate} AS last_fail_date,
  (SELECT COUNT(*) FROM win) AS rows_checked, ${dueCount} AS due_units, (SELECT CAST(MAX(_d) AS STRING) FROM win) AS latest_row_date, ${latestDue} AS latest_due_date,
  ${meanWindow} AS mean_window, ${meanBaseline} AS mean_baseline`);
}
