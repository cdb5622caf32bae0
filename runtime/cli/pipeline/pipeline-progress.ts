import { MultiBar, type SingleBar } from "cli-progress";
import type { Phase } from "../../catalog/types";
import type { PipelineEvent, PipelineRun } from "../../orchestration/local-pipeline";
import type { CliIo } from "../cli-io";

export interface PipelineProgress {
  onEvent(event: PipelineEvent): void;
  stop(): void;
}

const PHASE_LABELS: readonly (readonly [Phase, string])[] = [
  ["phase_1_scrapers", "scrapers "],
  ["phase_2_raw", "raw      "],
  ["phase_3_analytics", "analytics"],
  ["phase_4_precompute", "precompute"],
];

const isProblem = (r: PipelineRun): boolean => r.status === "failed" || r.status === "blocked";

/** One line per finished date: for logs and pipes, where a redrawn bar would be noise. */
export function dateLine(event: Extract<PipelineEvent, { kind: "date_finished" }>, elapsedMs: number): string {
  const parts = PHASE_LABELS.map(([phase, label]) => {
    const runs = event.runs.filter((r) => r.phase === phase);
    if (runs.length === 0) return null;
    const problems = runs.filter(isProblem).length;
    const rows = runs.reduce((n, r) => n + r.rows_written, 0);
    return `${label.trim()} ${runs.length - problems}/${runs.length} ok ${rows} rows`;
  }).filter((p): p is string => p !== null);
  return `${event.date} [${event.index + 1}/${event.total}] ${parts.join(", ")} (${(elapsedMs / 1000).toFixed(1)} s)`;
}

/**
 * Progress of a pipeline run: on a terminal a bar per phase (dates done, rows, elapsed time),
 * redrawn in place; otherwise one line per date.
 */
export function pipelineProgress(io: CliIo, totalDates: number, phases: readonly Phase[], now: () => number = Date.now): PipelineProgress {
  const started = now();
  if (io.stderr.isTTY !== true) {
    return {
      onEvent: (event) => {
        if (event.kind === "date_finished") io.stderr.write(`${dateLine(event, now() - started)}\n`);
      },
      stop: () => undefined,
    };
  }
  const multi = new MultiBar({
    stream: io.stderr as unknown as NodeJS.WritableStream,
    format: "{phase} |{bar}| {value}/{total} dates | {rows} rows | {duration_formatted}",
    barsize: 30,
    hideCursor: true,
    clearOnComplete: false,
    autopadding: true,
  });
  const bars = new Map<Phase, { bar: SingleBar; rows: number }>();
  for (const [phase, label] of PHASE_LABELS) {
    if (phases.includes(phase)) bars.set(phase, { bar: multi.create(totalDates, 0, { phase: label, rows: 0 }), rows: 0 });
  }
  return {
    onEvent: (event) => {
      if (event.kind === "run_finished") {
        const entry = bars.get(event.run.phase);
        if (!entry) return;
        entry.rows += event.run.rows_written;
        entry.bar.update({ rows: entry.rows });
      } else if (event.kind === "date_finished") {
        for (const entry of bars.values()) entry.bar.increment(1, { rows: entry.rows });
      }
    },
    stop: () => multi.stop(),
  };
}
