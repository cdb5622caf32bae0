import type { CheckKind, CheckSpec, Severity } from "./check-spec";
import { SCHEDULE_KINDS } from "./check-spec";
import { SAMPLE_SEPARATOR, type CheckRow } from "./compile-table";

export type CheckStatus = "pass" | "fail" | "not_due" | "error";

/** The one result shape of every check (STYLE.md data quality). */
export interface CheckResult {
  readonly key: string;
  readonly kind: CheckKind | "error";
  readonly severity: Severity;
  readonly blocking: boolean;
  readonly status: CheckStatus;
  readonly observed: number | null;
  readonly threshold: number | null;
  readonly sample: readonly string[];
  readonly message: string;
  /** Failing dates, for the remediation command (null when the check names no dates). */
  readonly failedDates: { readonly first: string; readonly last: string } | null;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/**
 * Judges one check from its row of the compiled query. Pure: the same row gives the same result.
 * Data that is not due yet is `not_due`, never `fail` (RELIABILITY row 9); violations of rows that
 * exist always count.
 */
export function evaluateCheck(check: CheckSpec, row: CheckRow, window: { readonly from: string }): CheckResult {
  const sample = row.sample ? row.sample.split(SAMPLE_SEPARATOR).sort() : [];
  const base = { key: check.key, kind: check.kind, severity: check.severity, blocking: check.blocking };
  const failedDates = row.first_fail_date && row.last_fail_date ? { first: row.first_fail_date, last: row.last_fail_date } : null;
  const nothingDue = row.due_units === 0;
  const notDue = (message: string): CheckResult => ({ ...base, status: "not_due", observed: null, threshold: null, sample: [], message, failedDates: null });

  if (SCHEDULE_KINDS.has(check.kind) && nothingDue && row.failures === 0) return notDue("no schedule game in the window is due yet");

  let observed: number;
  let threshold: number;
  let failed: boolean;
  let message: string;
  switch (check.kind) {
    case "not_null_rate":
      observed = row.rows_checked === 0 ? 0 : round(row.failures / row.rows_checked);
      threshold = check.max_null_rate;
      failed = observed > threshold;
      message = `${row.failures} of ${row.rows_checked} rows have ${check.column} NULL`;
      break;
    case "freshness": {
      const latestDue = row.latest_due_date;
      if (!latestDue) return notDue("no schedule game in the window is due yet");
      observed = row.latest_row_date ? Math.max(0, daysBetween(row.latest_row_date, latestDue)) : daysBetween(window.from, latestDue) + 1;
      threshold = check.max_lag_days;
      failed = observed > threshold;
      message = `newest row ${row.latest_row_date ?? "none"}, newest due game date ${latestDue}`;
      return {
        ...base,
        status: failed ? "fail" : "pass",
        observed,
        threshold,
        sample: failed ? [message] : [],
        message,
        failedDates: failed ? { first: row.latest_row_date && row.latest_row_date < latestDue ? row.latest_row_date : window.from, last: latestDue } : null,
      };
    }
    case "distribution_drift":
      if (row.mean_window === null || row.mean_baseline === null || row.mean_baseline === 0) {
        if (row.rows_checked === 0 && nothingDue) return notDue("no rows and nothing due in the window");
        return { ...base, status: "pass", observed: null, threshold: check.max_relative_change, sample: [], message: "no baseline to compare with", failedDates: null };
      }
      observed = round(Math.abs(row.mean_window - row.mean_baseline) / Math.abs(row.mean_baseline));
      threshold = check.max_relative_change;
      failed = observed > threshold;
      message = `mean ${check.column} ${round(row.mean_window)} against ${round(row.mean_baseline)} over the ${check.baseline_days} days before`;
      break;
    default:
      observed = row.failures;
      threshold = check.max_failures;
      failed = observed > threshold;
      message = `${row.failures} violation(s)`;
  }
  if (!failed && row.rows_checked === 0 && nothingDue) return notDue("no rows and nothing due in the window");
  return { ...base, status: failed ? "fail" : "pass", observed, threshold, sample: failed ? sample : [], message, failedDates: failed ? failedDates : null };
}

/** A check that could not run: severity error, never stopping the others (DOMAIN §5.1). */
export function errorResult(check: Pick<CheckSpec, "key" | "blocking">, message: string): CheckResult {
  return { key: check.key, kind: "error", severity: "error", blocking: check.blocking, status: "error", observed: null, threshold: null, sample: [`error: ${message}`], message, failedDates: null };
}

export type OverallStatus = "pass" | "warn" | "fail";

/** fail (a failed or errored error/critical check) > warn (a failed warning) > pass (DOMAIN §5.1). */
export function overallStatus(results: readonly Pick<CheckResult, "status" | "severity">[]): OverallStatus {
  const failed = results.filter((r) => r.status === "fail" || r.status === "error");
  if (failed.some((r) => r.severity === "error" || r.severity === "critical")) return "fail";
  if (failed.some((r) => r.severity === "warning")) return "warn";
  return "pass";
}
