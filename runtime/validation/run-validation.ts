import type { SourceKind } from "../domain/source-kind";
import { randomUUID } from "node:crypto";
import { catalog } from "../catalog/catalog";
import { tableId } from "../catalog/define-table";
import type { TableSpec } from "../catalog/types";
import { errorMessage } from "../domain/error-message";
import type { Platform } from "../platform/platform";
import { render, type SqlFragment } from "../platform/sql";
import type { CheckSpec } from "./check-spec";
import { columnsReadBy, compileTableQuery, dateColumnOf, type CheckRow, type ValidationWindow } from "./compile-table";
import { customSqlFragment } from "./custom-sql";
import { errorResult, evaluateCheck, overallStatus, type CheckResult, type OverallStatus } from "./evaluate-check";
import type { LoadedTableConfig } from "./load-validation-configs";
import { renderRemediation, type RemediationContext } from "./remediation";
import { validationRows } from "./result-rows";

export interface JudgedCheck extends CheckResult {
  readonly remediation: string | null;
}

export interface TableValidation {
  readonly table: string;
  readonly status: OverallStatus;
  /** Statements this table cost: 1, unless the compiled query failed and checks ran one by one. */
  readonly queries: number;
  readonly checks: readonly JudgedCheck[];
  /** Why the checks ran one by one, when they did. */
  readonly fallback: string | null;
  readonly durationSeconds: number;
  readonly queryText: string | null;
}

export interface ValidationRun {
  readonly runId: string;
  readonly status: OverallStatus;
  readonly from: string;
  readonly to: string;
  readonly tables: readonly TableValidation[];
}

export interface ValidateOptions {
  readonly from: string;
  readonly to: string;
  /** The configs to run (one per table). */
  readonly configs: readonly LoadedTableConfig[];
  readonly remediation: RemediationContext;
  readonly triggeredBy: "manual" | "pipeline" | "scheduler";
  /** The source kind of the data judged (stamped on the stored results, like every row). */
  readonly sourceKind: SourceKind;
  /** Catalog tables (defaults to the catalog; tests pass a variant). */
  readonly tables?: readonly TableSpec[];
}

const SCHEDULE_ID = "nba_raw.nbac_schedule";

/** Why a check cannot be compiled against the catalog (a column it reads is not there), or null. */
function staticProblem(table: TableSpec, check: CheckSpec, tables: readonly TableSpec[], window: ValidationWindow): string | null {
  const names = new Set(table.columns.map((c) => c.name));
  const missing = columnsReadBy(check).filter((c) => !names.has(c));
  if (missing.length > 0) return `${tableId(table)} has no column ${missing.join(", ")}`;
  if (check.kind === "custom_sql") {
    try {
      customSqlFragment(check.sql, { table, window, tables });
    } catch (err) {
      return errorMessage(err);
    }
  }
  return null;
}

function asCheckRow(row: Record<string, unknown>): CheckRow {
  const str = (v: unknown): string | null => (typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : null);
  const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
  return {
    check_key: String(row.check_key),
    failures: num(row.failures) ?? 0,
    sample: str(row.sample),
    first_fail_date: str(row.first_fail_date),
    last_fail_date: str(row.last_fail_date),
    rows_checked: num(row.rows_checked) ?? 0,
    due_units: num(row.due_units),
    latest_row_date: str(row.latest_row_date),
    latest_due_date: str(row.latest_due_date),
    mean_window: num(row.mean_window),
    mean_baseline: num(row.mean_baseline),
  };
}

/**
 * Validates tables over a date window: per table, all runnable checks as ONE query; a check that
 * cannot compile (a column the catalog lacks) is an `error` result and the rest still run; if
 * the compiled query itself fails, the checks run one by one so one broken check cannot hide the
 * others. Every result is stored in nba_orchestration.validation_runs / validation_results.
 */
export async function runValidation(platform: Platform, options: ValidateOptions): Promise<ValidationRun> {
  const tables = options.tables ?? catalog.tables;
  const schedule = tables.find((t) => tableId(t) === SCHEDULE_ID);
  if (!schedule) throw new Error(`validation: the catalog has no ${SCHEDULE_ID}`);
  const runId = randomUUID();
  const now = platform.clock.now();
  const window: ValidationWindow = { from: options.from, to: options.to, now };
  const results: TableValidation[] = [];
  for (const { config } of options.configs) {
    const table = tables.find((t) => tableId(t) === config.table);
    if (!table) throw new Error(`validation: ${config.table} is not a catalog table`);
    results.push(await validateTable(platform, { table, config, schedule, tables, window, remediation: options.remediation }));
  }
  const run: ValidationRun = { runId, status: overallStatus(results.flatMap((t) => t.checks)), from: options.from, to: options.to, tables: results };
  const rows = validationRows(run, { now, triggeredBy: options.triggeredBy, tables, sourceKind: options.sourceKind });
  const runsTable = tables.find((t) => tableId(t) === "nba_orchestration.validation_runs");
  const resultsTable = tables.find((t) => tableId(t) === "nba_orchestration.validation_results");
  if (runsTable && resultsTable) {
    await platform.warehouse.append(runsTable, rows.runs);
    await platform.warehouse.append(resultsTable, rows.results);
  }
  platform.logger.info({ event: "validation_run", run_id: runId, status: run.status, tables: results.length, from: options.from, to: options.to }, "validation run finished");
  return run;
}

interface TableInput {
  readonly table: TableSpec;
  readonly config: LoadedTableConfig["config"];
  readonly schedule: TableSpec;
  readonly tables: readonly TableSpec[];
  readonly window: ValidationWindow;
  readonly remediation: RemediationContext;
}

async function validateTable(platform: Platform, input: TableInput): Promise<TableValidation> {
  const started = Date.now();
  const { table, config, window } = input;
  const judged = new Map<string, CheckResult>();
  const dateColumn = dateColumnOf(table, config);
  const dateProblem = dateColumn && !table.columns.some((c) => c.name === dateColumn) ? `${tableId(table)} has no date column ${dateColumn}` : null;
  const runnable: CheckSpec[] = [];
  for (const check of config.checks) {
    const problem = dateProblem ?? staticProblem(table, check, input.tables, window);
    if (problem) judged.set(check.key, errorResult(check, problem));
    else runnable.push(check);
  }

  let queries = 0;
  let fallback: string | null = null;
  let queryText: string | null = null;
  const compile = (checks: readonly CheckSpec[]): SqlFragment => compileTableQuery({ table, config, checks, window, schedule: input.schedule, tables: input.tables });
  const judge = (checks: readonly CheckSpec[], rows: readonly Record<string, unknown>[]): void => {
    const byKey = new Map(rows.map((r) => [String(r.check_key), asCheckRow(r)]));
    for (const check of checks) {
      const row = byKey.get(check.key);
      judged.set(check.key, row ? evaluateCheck(check, row, window) : errorResult(check, "the compiled query returned no row for this check"));
    }
  };
  if (runnable.length > 0) {
    try {
      const statement = compile(runnable);
      queryText = render(statement, platform.warehouse.dialect).text;
      queries += 1;
      judge(runnable, await platform.warehouse.query(statement));
    } catch (err) {
      fallback = `the compiled query failed (${errorMessage(err)}); checks ran one by one`;
      platform.logger.warn({ event: "validation_fallback", table: tableId(table), err: errorMessage(err) }, "compiled validation query failed; running checks one by one");
      for (const check of runnable) {
        try {
          queries += 1;
          judge([check], await platform.warehouse.query(compile([check])));
        } catch (checkError) {
          judged.set(check.key, errorResult(check, errorMessage(checkError)));
        }
      }
    }
  }

  const checks: JudgedCheck[] = config.checks.map((check) => {
    const result = judged.get(check.key) ?? errorResult(check, "not judged");
    // A broken check is repaired in its config, not by a command: only failures get one.
    const failing = result.status === "fail";
    const dates = result.failedDates ?? { first: window.from, last: window.to };
    return { ...result, remediation: failing ? renderRemediation(check.remediation ?? config.remediation, dates, input.remediation) : null };
  });
  return {
    table: tableId(table),
    status: overallStatus(checks),
    queries,
    checks,
    fallback,
    durationSeconds: (Date.now() - started) / 1000,
    queryText,
  };
}
