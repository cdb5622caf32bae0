import { catalog } from "../catalog/catalog";
import { seasonLabel, seasonYearForDate } from "../domain/season";
import type { SourceKind } from "../domain/source-kind";
import type { RunRecord } from "../monitoring/run-record";
import type { Platform } from "../platform/platform";
import { precomputeProcessors } from "../processors/precompute";
import { precomputeScope, runPrecompute } from "../processors/precompute/run-precompute";
import type { PipelineRun } from "./local-pipeline";
import { notRunLine } from "./not-run-line";
import { dependencyLevels } from "./local-range-starter";

const blocked = (processor: string, scope: string, why: string): PipelineRun => notRunLine("phase_4_precompute", processor, scope, why);

/**
 * Phase 4 over the dates that went through phases 1-3: one run per processor for all of them
 * (one extract, one MERGE), in dependency order, the processors of a level together. A date whose
 * upstream failed or was blocked is left out and reported blocked (fail closed); a failed
 * processor blocks the ones reading it.
 */
export async function runPrecomputePhase(
  platform: Platform,
  dates: readonly string[],
  kind: SourceKind,
  upstream: readonly PipelineRun[],
  record: (run: RunRecord) => void,
  report: (line: PipelineRun) => void,
): Promise<void> {
  const failedUpstream = (date: string): PipelineRun | undefined =>
    upstream.find((r) => r.phase !== "phase_4_precompute" && (r.status === "failed" || r.status === "blocked") && (r.scope === date || r.scope === seasonLabel(seasonYearForDate(date))));
  const ready: string[] = [];
  for (const date of dates) {
    const failed = failedUpstream(date);
    if (!failed) ready.push(date);
    else for (const p of precomputeProcessors) report(blocked(p.name, date, `upstream ${failed.processor} ${failed.scope} ${failed.status}`));
  }
  if (ready.length === 0) return;
  const failedOutputs = new Set<string>();
  // A level's processors read none of each other's tables: they run at the same time, so one
  // computes while another reads or writes. Their runs are reported in catalog order.
  for (const level of dependencyLevels(precomputeProcessors)) {
    const runs = await Promise.all(
      level.map(async (processor) => {
        const spec = catalog.processors.find((p) => p.name === processor.name);
        const blockedBy = spec?.inputs.find((input) => failedOutputs.has(input));
        if (blockedBy) return { processor, spec, blockedBy, run: null };
        return { processor, spec, blockedBy, run: await runPrecompute(platform, processor, ready, kind) };
      }),
    );
    for (const { processor, spec, blockedBy, run } of runs) {
      if (!run) {
        failedOutputs.add(spec?.output ?? processor.name);
        report(blocked(processor.name, precomputeScope(ready), `upstream ${blockedBy} failed`));
        continue;
      }
      record(run);
      if (run.status === "failed" && spec) failedOutputs.add(spec.output);
    }
  }
}
