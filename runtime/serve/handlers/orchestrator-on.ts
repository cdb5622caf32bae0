import { environmentHealthProbe } from "../../orchestration/environment-health-probe";
import type { OrchestratorContext } from "../../orchestration/orchestrator-context";
import { scheduledSourceKind } from "../../orchestration/scheduled-source-kind";
import { resilientScheduleLookup, warehouseScheduleSource } from "../../orchestration/schedule-lookup";
import type { Platform } from "../../platform/platform";

/** The orchestrator as the scheduler's calls need it: next-service health, a schedule lookup that cannot hang, the data's provenance. */
export async function scheduledOrchestrator(platform: Platform): Promise<OrchestratorContext> {
  const sourceKind = await scheduledSourceKind(platform);
  return {
    platform,
    health: environmentHealthProbe(platform),
    scheduleLookup: resilientScheduleLookup(warehouseScheduleSource(platform.warehouse)),
    ...(sourceKind ? { sourceKind } : {}),
  };
}
