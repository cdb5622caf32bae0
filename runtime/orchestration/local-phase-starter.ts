import type { SourceKind } from "../domain/source-kind";
import { catalog } from "../catalog/catalog";
import type { PhaseTrigger } from "../messages/phase-trigger";
import type { RunRecord } from "../monitoring/run-record";
import type { Platform } from "../platform/platform";
import { analyticsProcessors } from "../processors/analytics";
import { runAnalytics } from "../processors/analytics/run-analytics";
import { OrchestrationError } from "./orchestration-error";

/**
 * Starts a phase in this process, for transitions without a trigger topic (2->3: the analytics
 * service consumes phase-2 completions itself). Analytics run in dependency order; a processor
 * whose input failed is not run. Rows carry the source kind of the data the platform holds.
 */
export function localPhaseStarter(platform: Platform, sourceKind: SourceKind, onRun: (run: RunRecord) => void = () => undefined): (trigger: PhaseTrigger) => Promise<void> {
  return async (trigger) => {
    if (trigger.phase !== "phase_3_analytics") throw new OrchestrationError("NO_PATH_TO_PHASE", `no in-process starter for ${trigger.phase}`);
    const failedOutputs = new Set<string>();
    for (const processor of analyticsProcessors) {
      const spec = catalog.processors.find((p) => p.name === processor.name);
      if (spec?.inputs.some((input) => failedOutputs.has(input))) {
        failedOutputs.add(spec.output);
        continue;
      }
      const run = await runAnalytics(platform, processor, trigger.game_date, sourceKind, trigger.correlation_id);
      onRun(run);
      if (run.status === "failed" && spec) failedOutputs.add(spec.output);
    }
  };
}
