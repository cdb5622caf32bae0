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
    for (const processor of analyticsProcessors) {
      const spec = catalog.processors.find((p) => p.name === processor.name);
      const prefetched = processor.prefetch && dates.length > 1 ? await processor.prefetch(platform.warehouse, dates) : undefined;
      const due: PhaseTrigger[] = [];
      for (const trigger of triggers) {
        const failed = failedOutputs.get(trigger.game_date) ?? new Set<string>();
        if (spec?.inputs.some((input) => failed.has(input))) failed.add(spec.output);
        else due.push(trigger);
      }
      const runDate = (trigger: PhaseTrigger): Promise<RunRecord> => processor.run(platform, trigger.game_date, sourceKind, trigger.correlation_id, prefetched);
      const runs: RunRecord[] = [];
      if (together && processor.datesTogether) runs.push(...(await together(due.map((trigger) => () => runDate(trigger)))));
      else for (const trigger of due) runs.push(await runDate(trigger));
      for (const run of runs) {
        onRun(run);
        if (run.status === "failed" && spec) failedOutputs.get(run.game_date)?.add(spec.output);
      }
    }
  };
}
