import type { CheckStatus } from "./evaluate-check";
import type { Severity } from "./check-spec";
import type { OverallStatus } from "./evaluate-check";
import type { ValidationRun } from "./run-validation";

/** The `--json` contract of `nba-props validate` (and the `validation` field of `pipeline`). */
export interface ValidationSummary {
  readonly status: OverallStatus;
  readonly tables: readonly {
    readonly table: string;
    readonly status: OverallStatus;
    readonly queries: number;
    readonly checks: readonly {
      readonly key: string;
      readonly severity: Severity;
      readonly blocking: boolean;
      readonly status: CheckStatus;
      readonly observed: number | null;
      readonly threshold: number | null;
      readonly sample: readonly string[];
      readonly remediation: string | null;
    }[];
  }[];
}

export function validationSummary(run: ValidationRun): ValidationSummary {
  return {
    status: run.status,
    tables: run.tables.map((t) => ({
      table: t.table,
      status: t.status,
      queries: t.queries,
      checks: t.checks.map((c) => ({
        key: c.key,
        severity: c.severity,
        blocking: c.blocking,
        status: c.status,
        observed: c.observed,
        threshold: c.threshold,
        sample: c.sample,
        remediation: c.remediation,
      })),
    })),
  };
}

/** Several runs (one per pipeline phase) as one summary: tables in order, the worst status. */
export function mergeSummaries(summaries: readonly ValidationSummary[]): ValidationSummary {
  const rank: Readonly<Record<OverallStatus, number>> = { pass: 0, warn: 1, fail: 2 };
  const status = summaries.reduce<OverallStatus>((worst, s) => (rank[s.status] > rank[worst] ? s.status : worst), "pass");
  return { status, tables: summaries.flatMap((s) => s.tables) };
}

/** Human lines: one per table, then every failing or broken check with its sample and repair. */
export function humanSummary(summary: ValidationSummary): string[] {
  const out: string[] = [];
  for (const t of summary.tables) {
    const count = (s: CheckStatus): number => t.checks.filter((c) => c.status === s).length;
    out.push(`${t.status.padEnd(4)}  ${t.table}  (${t.checks.length} checks: ${count("pass")} pass, ${count("fail")} fail, ${count("not_due")} not due, ${count("error")} error; ${t.queries} ${t.queries === 1 ? "query" : "queries"})`);
    for (const c of t.checks.filter((x) => x.status === "fail" || x.status === "error")) {
      out.push(`        ${c.status} ${c.key} [${c.severity}${c.blocking ? ", blocking" : ""}] observed ${c.observed ?? "-"} threshold ${c.threshold ?? "-"}`);
      for (const s of c.sample) out.push(`          ${s}`);
      if (c.remediation) out.push(`          repair: ${c.remediation}`);
    }
  }
  out.push(`validation: ${summary.status}`);
  return out;
}
