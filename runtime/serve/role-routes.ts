import { DEAD_LETTER_PUSH_PATH } from "../catalog/topics";
import { alertDispatcherHandler } from "./handlers/alert-dispatcher";
import { gateSweepHandler } from "./handlers/gate-sweep";
import { phase3TransitionHandler } from "./handlers/phase3-transition";
import { phase4CompletionsHandler } from "./handlers/phase4-completions";
import { phase4TriggerHandler } from "./handlers/phase4-trigger";
import { scheduledTriggerHandler } from "./handlers/scheduled-trigger";
import { phase2TransitionHandler } from "./handlers/phase2-transition";
import { phase3TriggerHandler } from "./handlers/phase3-trigger";
import { rawProcessorsHandler } from "./handlers/raw-processors";
import type { PushHandler } from "./push-result";
import type { ScheduledHandler } from "./scheduled-result";

/** A POST path a role's server answers: Pub/Sub pushes (wrapped envelopes) or Cloud Scheduler calls (plain JSON). */
export type RoleRoute = { readonly path: string; readonly kind: "push"; readonly handle: PushHandler } | { readonly path: string; readonly kind: "scheduled"; readonly handle: ScheduledHandler };

export type RoleRoutes = Readonly<Record<string, readonly RoleRoute[]>>;

const push = (path: string, handle: PushHandler): RoleRoute => ({ path, kind: "push", handle });
const scheduled = (path: string, handle: ScheduledHandler): RoleRoute => ({ path, kind: "scheduled", handle });

/**
 * What `nba-props serve --role NAME` answers, per service role. The catalog declares a service
 * (and so the stacks point pushes and schedules at it) only when it is here; tests check both ways.
 */
export const roleRoutes: RoleRoutes = {
  "raw-processors": [push("/pubsub/phase1", rawProcessorsHandler)],
  "analytics-processors": [push("/pubsub/phase3-trigger", phase3TriggerHandler)],
  "precompute-processors": [push("/pubsub/phase4-trigger", phase4TriggerHandler)],
  "phase-orchestrator": [
    push("/pubsub/phase2", phase2TransitionHandler),
    push("/pubsub/phase3", phase3TransitionHandler),
    push("/pubsub/phase4", phase4CompletionsHandler),
    scheduled("/trigger", scheduledTriggerHandler),
    scheduled("/gates/sweep", gateSweepHandler),
  ],
  "alert-dispatcher": [push(DEAD_LETTER_PUSH_PATH, alertDispatcherHandler)],
};
