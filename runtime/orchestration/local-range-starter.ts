import type { SourceKind } from "../domain/source-kind";
import { catalog } from "../catalog/catalog";
import type { PhaseTrigger } from "../messages/phase-trigger";
import type { RunRecord } from "../monitoring/run-record";
import type { Platform } from "../platform/platform";
import { analyticsProcessors } from "../processors/analytics";
import { OrchestrationError } from "./orchestration-error";
import type { Together } from "../platform/coalesced-writes";

/**
 * Phase 3 for several triggered dates as one range run: each analytics processor in dependency
 * order takes every date before the next processor starts, reading its history windows once for
 * the range. Every date still gets its own run (ledger record, completion message), and a
 * processor whose input failed on a date is not run for that date, as in a run of that date alone.
 * With `together`, a processor's dates run concurrently and share their writes (one MERGE per
 * processor and range instead of one per date); the runs are reported in date order.
 * The rows equal those of date-by-date runs: a processor only reads the outputs of processors
 * before it, which are complete for the whole range by then, and windows end at the run's date.
 */
export function localRangeStarter(platform: Platform, sourceKind: SourceKind, onRun: (run: RunRecord) => void, together?: Together): (triggers: readonly PhaseTrigger[]) => Promise<void> {
  return async (triggers) => {
    const wrong = triggers.find((t) => t.phase !== "phase_3_analytics");
    if (wrong) throw new OrchestrationError("NO_PATH_TO_PHASE", `no in-process starter for ${wrong.phase}`);
    const failedOutputs = new Map(triggers.map((t) => [t.game_date, new Set<string>()]));
    const dates = [...failedOutputs.keys()];
    for (const level of dependencyLevels(analyticsProcessors)) {
      // Each processor of the level: its dates' runs as tasks (one task for all its dates when they must go one after another).
      const work = await Promise.all(
        level.map(async (processor) => {
          const spec = catalog.processors.find((p) => p.name === processor.name);
          const prefetched = processor.prefetch && dates.length > 1 ? await processor.prefetch(platform.warehouse, dates) : undefined;
          const due = triggers.filter((trigger) => {
            const failed = failedOutputs.get(trigger.game_date) ?? new Set<string>();
            return !spec?.inputs.some((input) => failed.has(input));
          });
          const runDate = (trigger: PhaseTrigger): Promise<RunRecord> => processor.run(platform, trigger.game_date, sourceKind, trigger.correlation_id, prefetched);
          const oneByOne = async (): Promise<RunRecord[]> => {
            const runs: RunRecord[] = [];
            for (const trigger of due) runs.push(await runDate(trigger));
            return runs;
          };
          const tasks = together && processor.datesTogether ? due.map((trigger) => async () => [await runDate(trigger)]) : [oneByOne];
          return { spec, tasks };
        }),
      );
      const tasks = work.flatMap((w) => w.tasks);
      const results = together ? await together(tasks) : await inSequence(tasks);
      let next = 0;
      for (const { spec, tasks: own } of work) {
        const runs = results.slice(next, next + own.length).flat();
        next += own.length;
        for (const trigger of triggers) if (spec && !runs.some((r) => r.game_date === trigger.game_date)) failedOutputs.get(trigger.game_date)?.add(spec.output);
        for (const run of runs) {
          onRun(run);
          if (run.status === "failed" && spec) failedOutputs.get(run.game_date)?.add(spec.output);
        }
      }
    }
  };
}

async function inSequence<T>(tasks: readonly (() => Promise<T>)[]): Promise<T[]> {
  const out: T[] = [];
  for (const task of tasks) out.push(await task());
  return out;
}

/**
 * The processors in levels: each reads only outputs of earlier levels (its catalog inputs), so a
 * level's processors may run at the same time. Within a level, the given order.
 */
export function dependencyLevels<P extends { readonly name: string }>(processors: readonly P[]): P[][] {
  const outputOf = new Map(catalog.processors.map((p) => [p.name, p.output]));
  const levelOf = new Map<string, number>();
  const levels: P[][] = [];
  for (const processor of processors) {
    const inputs = catalog.processors.find((p) => p.name === processor.name)?.inputs ?? [];
    const after = processors.filter((p) => p !== processor && inputs.includes(outputOf.get(p.name) ?? "")).map((p) => levelOf.get(p.name));
    if (after.some((l) => l === undefined)) throw new OrchestrationError("NO_PATH_TO_PHASE", `${processor.name} reads a processor listed after it`);
    const level = Math.max(-1, ...after.map((l) => l ?? 0)) + 1;
    levelOf.set(processor.name, level);
    (levels[level] ??= []).push(processor);
  }
  return levels;
}
