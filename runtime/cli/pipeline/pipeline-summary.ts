import { humanSummary } from "../../validation/validation-summary";
import type { PipelineReport, PipelineRun } from "../../orchestration/local-pipeline";
import { formatTable } from "../format-table";

const PHASE_TITLES: Readonly<Record<string, string>> = {
  phase_1_scrapers: "Phase 1: scrapers",
  phase_2_raw: "Phase 2: raw",
  phase_3_analytics: "Phase 3: analytics",
  phase_4_precompute: "Phase 4: precompute",
};

const PHASE_SHORT: Readonly<Record<string, string>> = { phase_1_scrapers: "scrapers", phase_2_raw: "raw", phase_3_analytics: "analytics", phase_4_precompute: "precompute" };

const STATUSES = ["success", "partial", "no_data", "failed", "blocked"] as const;

export function isFailure(run: PipelineRun): boolean {
  return run.status === "failed" || run.status === "blocked";
}

/** Per processor: runs by status and rows, in pipeline order. */
export function totalsTable(runs: readonly PipelineRun[]): string {
  // A scraper and its raw processor can share a name (nbac_schedule): one line per phase and processor.
  const byProcessor = new Map<string, PipelineRun[]>();
  for (const run of runs) byProcessor.set(`${run.phase} ${run.processor}`, [...(byProcessor.get(`${run.phase} ${run.processor}`) ?? []), run]);
  const rows = [...byProcessor.values()].map((list) => [
    PHASE_SHORT[list[0]?.phase ?? ""] ?? list[0]?.phase ?? "",
    list[0]?.processor ?? "",
    String(list.length),
    ...STATUSES.map((s) => String(list.filter((r) => r.status === s).length)),
    String(list.reduce((n, r) => n + r.rows_written, 0)),
    String(list.reduce((n, r) => n + r.rows_quarantined, 0)),
  ]);
  return formatTable(["phase", "processor", "runs", ...STATUSES, "rows written", "quarantined"], rows);
}

function phaseTables(report: PipelineReport): string[] {
  const out: string[] = [];
  for (const phase of Object.keys(PHASE_TITLES)) {
    const runs = report.runs.filter((r) => r.phase === phase);
    if (runs.length === 0) continue;
    out.push("", PHASE_TITLES[phase] ?? phase);
    out.push(
      formatTable(
        ["processor", "scope", "status", "rows written", "quarantined", "ms"],
        runs.map((r) => [r.processor, r.scope, statusText(r), String(r.rows_written), String(r.rows_quarantined), String(r.duration_ms)]),
      ),
    );
  }
  return out;
}

/** The status with why: what a zero-row run found, or the final games a partial run lacks. */
function statusText(run: PipelineRun): string {
  if (run.missing_games.length > 0) return `${run.status} (missing ${run.missing_games.join(", ")})`;
  const why = run.zero_row_category ?? run.empty_reason;
  return why ? `${run.status} (${why})` : run.status;
}

/**
 * The human summary: one date gets a table per phase; a range gets a totals table per processor.
 * Then the failures, then how far an interrupted run got.
 */
export function humanReport(report: PipelineReport, signal: string | null): string {
  const range = report.dates.length === 1 ? report.dates[0] : `${report.dates[0]} .. ${report.dates.at(-1)} (${report.dates.length} days)`;
  const out: string[] = [`Pipeline for ${range}`];
  if (report.dates.length === 1) out.push(...phaseTables(report));
  else out.push("", "Totals", totalsTable(report.runs));
  const failures = report.runs.filter(isFailure);
  if (failures.length > 0) {
    out.push("", `${failures.length} run(s) did not succeed:`);
    for (const f of failures) out.push(`  ${f.processor} ${f.scope} ${f.status}: ${f.error_message ?? ""}`);
  }
  const uncaptured = report.uncaptured_sources ?? [];
  if (uncaptured.length > 0) {
    out.push("", `${uncaptured.length} non-critical source(s) not run, nothing captured for the date:`);
    for (const u of uncaptured) out.push(`  ${u.scraper} ${u.scope}`);
  }
  if (report.interrupted) {
    const done = report.dates_completed;
    out.push(
      "",
      `Interrupted${signal ? ` by ${signal}` : ""} after ${done.length} of ${report.dates.length} date(s)${done.length > 0 ? ` (${done[0]} .. ${done.at(-1)} complete through every phase)` : ""}.`,
      "Run the same command again to finish the range: finished dates are rewritten idempotently.",
    );
  }
  if (report.validation) out.push("", "Validation (each phase's tables after the phase)", ...humanSummary(report.validation));
  out.push("", `warehouse statements: ${report.warehouse_statements}`);
  return out.join("\n");
}
