import type { SourceKind } from "../domain/source-kind";
import { catalog } from "../catalog/catalog";
import type { DatasetName, Phase } from "../catalog/types";
import type { Platform } from "../platform/platform";
import type { LoadedTableConfig } from "./load-validation-configs";
import type { RemediationContext } from "./remediation";
import { runValidation } from "./run-validation";
import { validationSummary, type ValidationSummary } from "./validation-summary";

/** The dataset a pipeline phase writes: validating a phase means validating its tables. */
const PHASE_DATASETS: Partial<Readonly<Record<Phase, DatasetName>>> = {
  phase_2_raw: "nba_raw",
  phase_3_analytics: "nba_analytics",
  phase_4_precompute: "nba_precompute",
  phase_5_predictions: "nba_predictions",
};

export interface PhaseValidationOptions {
  readonly configs: readonly LoadedTableConfig[];
  readonly remediation: RemediationContext;
  readonly sourceKind: SourceKind;
}

/** Validates the tables one phase writes over the dates it just ran (the pipeline calls it after each phase). */
export async function validatePhase(platform: Platform, phase: Phase, dates: readonly string[], options: PhaseValidationOptions): Promise<ValidationSummary> {
  const dataset = PHASE_DATASETS[phase];
  const configs = options.configs.filter((c) => catalog.tables.some((t) => t.dataset === dataset && `${t.dataset}.${t.name}` === c.config.table));
  const from = dates[0];
  const to = dates.at(-1);
  if (configs.length === 0 || !from || !to) return { status: "pass", tables: [] };
  return validationSummary(await runValidation(platform, { from, to, configs, remediation: options.remediation, triggeredBy: "pipeline", sourceKind: options.sourceKind }));
}
