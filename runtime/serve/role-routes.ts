import { DEAD_LETTER_PUSH_PATH } from "../catalog/topics";
import { alertDispatcherHandler } from "./handlers/alert-dispatcher";
import { phaseOrchestratorHandler } from "./handlers/phase-orchestrator";
import { phase2TransitionHandler } from "./handlers/phase2-transition";
import { phase3TriggerHandler } from "./handlers/phase3-trigger";
import { rawProcessorsHandler } from "./handlers/raw-processors";
import type { PushHandler } from "./push-result";

/** A POST path a role's server answers: Pub/Sub pushes (wrapped envelopes). */
export interface RoleRoute {
  readonly path: string;
  readonly kind: "push";
  readonly handle: PushHandler;
}

export type RoleRoutes = Readonly<Record<string, readonly RoleRoute[]>>;

const push = (path: string, handle: PushHandler): RoleRoute => ({ path, kind: "push", handle });

/**
 * What `nba-props serve --role NAME` answers, per service role. The catalog declares a service
 * (and so the stacks point pushes and schedules at it) only when it is here; tests check both ways.
 */
export const roleRoutes: RoleRoutes = {
  "raw-processors": [push("/pubsub/phase1", rawProcessorsHandler)],
  "analytics-processors": [push("/pubsub/phase3-trigger", phase3TriggerHandler)],
  "phase-orchestrator": [push("/pubsub/phase2", phase2TransitionHandler), push("/pubsub/phase3", phaseOrchestratorHandler)],
  "alert-dispatcher": [push(DEAD_LETTER_PUSH_PATH, alertDispatcherHandler)],
};
