import { catalog } from "../catalog/catalog";
import type { TransitionSpec } from "../catalog/types";
import type { SourceKind } from "../domain/source-kind";
import type { PhaseTrigger } from "../messages/phase-trigger";
import type { Platform } from "../platform/platform";
import type { HealthProbe } from "./health-probe";
import type { ScheduleLookup } from "./schedule-lookup";

/** What the transition handlers need besides the platform; each piece is a port with a local and a GCP side. */
export interface OrchestratorContext {
  readonly platform: Platform;
  /** Readiness of the service that runs the next phase (local: localHealthProbe; GCP: httpHealthProbe). */
  readonly health: HealthProbe;
  /** How long a health probe may take before it counts as failed; default 10 s. */
  readonly healthTimeoutMs?: number;
  /**
   * Starts a phase that has no trigger topic (2->3: the analytics service consumes phase-2
   * completions itself). Without it such a transition fails with NO_PATH_TO_PHASE.
   */
  readonly startPhase?: (trigger: PhaseTrigger) => Promise<void>;
  /** Resilient schedule lookup (resilientScheduleLookup); needed by scheduled triggers. */
  readonly scheduleLookup?: ScheduleLookup;
  /**
   * The transitions this orchestrator sweeps, schedules and overrides. Default: the declared
   * `catalog.transitions` (declared equals running). The orchestration drills add the planned
   * 3->4 and 4->5 transitions on a bus that carries their topics.
   */
  readonly transitions?: readonly TransitionSpec[];
  /** Provenance for triggers no completion carries one for (scheduled starts); see scheduledSourceKind. */
  readonly sourceKind?: SourceKind;
}

/** The transitions a context runs: its own list, or the declared catalog transitions. */
export function orchestratedTransitions(ctx: OrchestratorContext): readonly TransitionSpec[] {
  return ctx.transitions ?? catalog.transitions;
}
