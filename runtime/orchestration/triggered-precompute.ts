import type { SourceKind } from "../domain/source-kind";
import type { PhaseTrigger } from "../messages/phase-trigger";
import type { RunRecord } from "../monitoring/run-record";
import type { Platform } from "../platform/platform";
import type { PipelineRun } from "./local-pipeline";
import { publishPrecomputeCompletions } from "./precompute-completions";
import { runPrecomputePhase } from "./precompute-phase";

export interface TriggeredPrecomputeOptions {
  /** The local pipeline's runs of phases 1-3: a date whose upstream failed is left out (fail closed). */
  readonly upstream?: readonly PipelineRun[];
  readonly onRun?: (run: RunRecord) => void;
  /** A processor not run, for a date or the range, with why. */
  readonly onNotRun?: (line: PipelineRun) => void;
}

/**
 * Phase 4 for the dates its triggers name, as one set-based run per processor (a range locally,
 * one date on the precompute service), then one completion per processor and date it computed.
 * Returns the runs made.
 */
export async function runTriggeredPrecompute(platform: Platform, triggers: readonly PhaseTrigger[], sourceKind: SourceKind, options: TriggeredPrecomputeOptions = {}): Promise<RunRecord[]> {
  const byDate = new Map(triggers.map((t) => [t.game_date, t]));
  const dates = [...byDate.keys()].sort();
  if (dates.length === 0) return [];
  const runs: RunRecord[] = [];
  const notRun: PipelineRun[] = [];
  await runPrecomputePhase(
    platform,
    dates,
    sourceKind,
    options.upstream ?? [],
    (run) => {
      runs.push(run);
      options.onRun?.(run);
    },
    (line) => {
      notRun.push(line);
      options.onNotRun?.(line);
    },
  );
  for (const run of runs) {
    const covered = dates.filter((d) => !notRun.some((line) => line.processor === run.processor_name && line.scope === d));
    await publishPrecomputeCompletions(platform, run, covered, byDate);
  }
  return runs;
}
