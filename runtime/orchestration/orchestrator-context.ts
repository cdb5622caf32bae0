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
}
