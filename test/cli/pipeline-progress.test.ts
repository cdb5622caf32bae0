import type { PipelineEvent, PipelineReport, PipelineRun } from "../../runtime/orchestration/local-pipeline";
import { pipelineProgress } from "../../runtime/cli/pipeline/pipeline-progress";
import { humanReport } from "../../runtime/cli/pipeline/pipeline-summary";

const run = (phase: PipelineRun["phase"], processor: string, scope: string, status: PipelineRun["status"], rows: number): PipelineRun => ({
  phase,
  processor,
  scope,
  status,
  rows_written: rows,
  rows_quarantined: 0,
  duration_ms: 5,
  rows_read: rows,
  zero_row_category: null,
  missing_games: [],
  ...(status === "failed" ? { error_message: "boom" } : {}),
});

function dayRuns(date: string, rows: number): PipelineRun[] {
  return [
    run("phase_1_scrapers", "nbac_player_boxscore", date, "success", rows),
    run("phase_2_raw", "nbac_player_boxscores", date, "success", rows),
    run("phase_3_analytics", "team_offense_game_summary", date, "success", 10),
  ];
}

function feed(onEvent: (e: PipelineEvent) => void, dates: readonly string[]): void {
  dates.forEach((date, index) => {
    onEvent({ kind: "date_started", date, index, total: dates.length });
    const runs = dayRuns(date, 100);
    for (const r of runs) onEvent({ kind: "run_finished", run: r });
    onEvent({ kind: "date_finished", date, index, total: dates.length, runs });
  });
}

describe("progress of a range", () => {
  test("on a terminal: a bar per phase with dates done, rows and elapsed time, redrawn in place", () => {
    const frames: string[] = [];
    const tty = { write: (s: string) => frames.push(s), isTTY: true, columns: 120 };
    const progress = pipelineProgress({ stdout: { write: () => true }, stderr: tty }, 3, ["phase_1_scrapers", "phase_2_raw", "phase_3_analytics"]);
    feed((e) => progress.onEvent(e), ["2025-01-01", "2025-01-02", "2025-01-03"]);
    progress.stop();
    const screen = frames.join("");
    const ESC = String.fromCharCode(27);
    expect(screen).toContain(`${ESC}[`); // cursor movement: the bars are redrawn, not appended
    const last = (label: string) =>
      screen
        .split(new RegExp(`\\r|\\n|${ESC}\\[[0-9;?]*[A-Za-z]|${ESC}[78]`))
        .filter((l) => l.startsWith(label))
        .at(-1) ?? "";
    expect(last("scrapers")).toMatch(/3\/3 dates \| 300 rows \| +\d+s$/);
    expect(last("raw")).toMatch(/3\/3 dates \| 300 rows/);
    expect(last("analytics")).toMatch(/3\/3 dates \| 30 rows/);
  });

  test("not on a terminal: exactly one line per date", () => {
    const lines: string[] = [];
    const progress = pipelineProgress({ stdout: { write: () => true }, stderr: { write: (s: string) => lines.push(s), isTTY: false } }, 2, ["phase_1_scrapers", "phase_2_raw", "phase_3_analytics"]);
    feed((e) => progress.onEvent(e), ["2025-01-01", "2025-01-02"]);
    progress.stop();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^2025-01-01 \[1\/2\] scrapers 1\/1 ok 100 rows, raw 1\/1 ok 100 rows, analytics 1\/1 ok 10 rows \(\d+\.\d s\)\n$/);
  });
});

describe("the summary of a range", () => {
  test("a totals table per processor (runs by status, rows), then the failures", () => {
    const runs = [...dayRuns("2025-01-01", 100), ...dayRuns("2025-01-02", 50), run("phase_3_analytics", "team_offense_game_summary", "2025-01-03", "failed", 0)];
    const report: PipelineReport = { dates: ["2025-01-01", "2025-01-02", "2025-01-03"], runs, warehouse_statements: 9, dates_completed: ["2025-01-01", "2025-01-02", "2025-01-03"], interrupted: false };
    const text = humanReport(report, null);
    expect(text).toMatch(/Totals\nphase\s+processor\s+runs\s+success\s+partial\s+no_data\s+failed\s+blocked\s+rows written\s+quarantined/);
    expect(text).toMatch(/scrapers\s+nbac_player_boxscore\s+2\s+2\s+0\s+0\s+0\s+0\s+150\s+0/);
    expect(text).toMatch(/analytics\s+team_offense_game_summary\s+3\s+2\s+0\s+0\s+1\s+0\s+20\s+0/);
    expect(text).toMatch(/1 run\(s\) did not succeed:\n {2}team_offense_game_summary 2025-01-03 failed: boom/);
    expect(text.indexOf("Totals")).toBeLessThan(text.indexOf("did not succeed"));
  });
});
