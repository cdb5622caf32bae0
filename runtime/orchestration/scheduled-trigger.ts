import type { Phase } from "../catalog/types";
import { transitionInto } from "./gate-override";
import { OrchestrationError } from "./orchestration-error";
import { orchestratedTransitions, type OrchestratorContext } from "./orchestrator-context";
import { resolveTriggerRequest } from "./parameter-resolver";
import { evaluateGates, stateOrEmpty, type TransitionOutcome } from "./transition-handler";

export type ScheduledDateOutcome = { readonly game_date: string; readonly games: number } & ({ readonly kind: "no_games" } | TransitionOutcome);

export interface ScheduledTriggerResult {
  readonly phase: Phase;
  readonly dates: readonly ScheduledDateOutcome[];
}

/**
 * The `/trigger` call of a schedule: resolve the date token in ET, look the games up (hard
 * timeout, bounded retries), and for a date with games run the gates and start the phase. A
 * failed lookup throws SCHEDULE_LOOKUP_FAILED (transient: the scheduler retries); it never turns
 * into "no games". Bad input throws INVALID_PARAMETER (permanent).
 */
export async function handleTriggerRequest(ctx: OrchestratorContext, body: unknown): Promise<ScheduledTriggerResult> {
  const request = resolveTriggerRequest(body, ctx.platform.clock.now());
  if (!ctx.scheduleLookup) throw new OrchestrationError("SCHEDULE_LOOKUP_FAILED", "no schedule lookup configured for scheduled triggers");
  const spec = transitionInto(request.phase, orchestratedTransitions(ctx));
  const outcomes: ScheduledDateOutcome[] = [];
  for (const gameDate of request.dates) {
    const day = await ctx.scheduleLookup(gameDate);
    if (day.games === 0) {
      outcomes.push({ game_date: gameDate, games: 0, kind: "no_games" });
      continue;
    }
    const state = await stateOrEmpty(ctx, spec, gameDate);
    const outcome = state.triggered ? ({ kind: "already_triggered", at: state.triggeredAt } as const) : await evaluateGates(ctx, spec, state, { reason: "schedule", source: "scheduler", ...(ctx.sourceKind ? { sourceKind: ctx.sourceKind } : {}) });
    outcomes.push({ game_date: gameDate, games: day.games, ...outcome });
  }
  return { phase: request.phase, dates: outcomes };
}
