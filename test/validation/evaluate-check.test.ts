import type { CheckSpec } from "../../runtime/validation/check-spec";
import type { CheckRow } from "../../runtime/validation/compile-table";
import { evaluateCheck, overallStatus } from "../../runtime/validation/evaluate-check";

const row = (over: Partial<CheckRow>): CheckRow => ({
  check_key: "c",
  failures: 0,
  sample: null,
  first_fail_date: null,
  last_fail_date: null,
  rows_checked: 0,
  due_units: 0,
  latest_row_date: null,
  latest_due_date: null,
  mean_window: null,
  mean_baseline: null,
  ...over,
});
const base = { severity: "error", blocking: true, max_failures: 0 } as const;
const completeness: CheckSpec = { ...base, key: "c", kind: "completeness", reference: "schedule_games", game_column: "game_id", min_rows: 1 };
const unique: CheckSpec = { ...base, key: "u", kind: "unique_key", columns: ["game_id"] };
const window = { from: "2025-03-10" };

describe("evaluateCheck", () => {
  test("nothing due and nothing missing is not_due, not fail", () => {
    expect(evaluateCheck(completeness, row({ due_units: 0 }), window).status).toBe("not_due");
  });
  test("a due game without rows fails and names it", () => {
    const result = evaluateCheck(completeness, row({ due_units: 3, failures: 1, sample: "2025-03-15 20250315_OKC_DET rows=0", first_fail_date: "2025-03-15", last_fail_date: "2025-03-15" }), window);
    expect(result).toMatchObject({ status: "fail", observed: 1, threshold: 0, sample: ["2025-03-15 20250315_OKC_DET rows=0"], failedDates: { first: "2025-03-15", last: "2025-03-15" } });
  });
  test("an empty table with nothing due is not_due; duplicates in rows that exist fail even when not due", () => {
    expect(evaluateCheck(unique, row({ due_units: 0, rows_checked: 0 }), window).status).toBe("not_due");
    expect(evaluateCheck(unique, row({ due_units: 0, rows_checked: 4, failures: 1, sample: "x rows=2" }), window).status).toBe("fail");
    expect(evaluateCheck(unique, row({ due_units: null, rows_checked: 0 }), window).status).toBe("pass");
  });
  test("freshness measures the lag behind the newest due game date", () => {
    const fresh: CheckSpec = { ...base, key: "f", kind: "freshness", max_lag_days: 1 };
    expect(evaluateCheck(fresh, row({ due_units: 5, latest_row_date: "2025-03-12", latest_due_date: "2025-03-15" }), window)).toMatchObject({ status: "fail", observed: 3, threshold: 1 });
    expect(evaluateCheck(fresh, row({ due_units: 5, latest_row_date: "2025-03-15", latest_due_date: "2025-03-15" }), window)).toMatchObject({ status: "pass", observed: 0 });
    expect(evaluateCheck(fresh, row({ due_units: 0 }), window).status).toBe("not_due");
  });
  test("null rate and drift compare an observed value with the threshold", () => {
    const nulls: CheckSpec = { ...base, key: "n", kind: "not_null_rate", column: "usage_rate", max_null_rate: 0.1 };
    expect(evaluateCheck(nulls, row({ due_units: 1, rows_checked: 10, failures: 2 }), window)).toMatchObject({ status: "fail", observed: 0.2, threshold: 0.1 });
    const drift: CheckSpec = { ...base, key: "d", kind: "distribution_drift", column: "points", baseline_days: 30, max_relative_change: 0.25 };
    expect(evaluateCheck(drift, row({ due_units: 1, rows_checked: 10, mean_window: 15, mean_baseline: 10 }), window)).toMatchObject({ status: "fail", observed: 0.5 });
    expect(evaluateCheck(drift, row({ due_units: 1, rows_checked: 10, mean_window: 11, mean_baseline: 10 }), window)).toMatchObject({ status: "pass", observed: 0.1 });
  });
  test("overall: a failed error or critical fails, a failed warning warns, info and not_due pass", () => {
    expect(overallStatus([{ status: "fail", severity: "critical" }, { status: "pass", severity: "error" }])).toBe("fail");
    expect(overallStatus([{ status: "error", severity: "error" }])).toBe("fail");
    expect(overallStatus([{ status: "fail", severity: "warning" }, { status: "not_due", severity: "critical" }])).toBe("warn");
    expect(overallStatus([{ status: "fail", severity: "info" }, { status: "not_due", severity: "critical" }])).toBe("pass");
  });
});
