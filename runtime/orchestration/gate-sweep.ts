import { addDays, etDate } from "../domain/et-date";
import { errorMessage } from "../domain/error-message";
import { parseCompletionDoc, PHASE_COMPLETIONS } from "./completion-state";
import { orchestratedTransitions, type OrchestratorContext } from "./orchestrator-context";
import { advanceTransition, type TransitionOutcome } from "./transition-handler";

/** Open gates older than this are left to an operator (a backfill or an override), not swept forever. */
export const SWEEP_WINDOW_DAYS = 14;

export interface SweptGate {
  readonly transition: string;
  readonly game_date: string;
  readonly outcome: TransitionOutcome["kind"] | "error";
  readonly detail: string;
}

function describe(outcome: TransitionOutcome): string {
  switch (outcome.kind) {
    case "blocked":
      return outcome.reasons.join("; ");
    case "published":
      return `published ${outcome.messageId} (${outcome.reason})`;
    case "waiting":
      return `waiting for ${outcome.waitingFor}`;
    case "already_triggered":
      return `triggered at ${outcome.at ?? "?"}`;
    case "ignored":
      return outcome.why;
  }
}

/**
 * The scheduled re-evaluation of open gates (the `gate-sweep` schedule): every blocked date, and
 * every waiting date whose set may have become complete (a relaxation after time, a publish that
 * failed after its gates passed), within the sweep window. `dates` narrows it.
 */
export async function sweepGates(ctx: OrchestratorContext, dates: readonly string[] | null = null): Promise<SweptGate[]> {
  const since = addDays(etDate(ctx.platform.clock.now()), -SWEEP_WINDOW_DAYS);
  const open = [
    ...(await ctx.platform.docStore.query(PHASE_COMPLETIONS, [{ field: "_state", op: "==", value: "blocked" }])),
    ...(await ctx.platform.docStore.query(PHASE_COMPLETIONS, [{ field: "_state", op: "==", value: "waiting" }])),
  ];
  const swept: SweptGate[] = [];
  for (const snapshot of open) {
    const state = parseCompletionDoc(snapshot.data);
    if (dates ? !dates.includes(state.gameDate) : state.gameDate < since) continue;
    const spec = orchestratedTransitions(ctx).find((t) => t.name === state.transition);
    if (!spec) continue;
    try {
      const outcome = await advanceTransition(ctx, spec, state);
      swept.push({ transition: spec.name, game_date: state.gameDate, outcome: outcome.kind, detail: describe(outcome) });
    } catch (err) {
      swept.push({ transition: spec.name, game_date: state.gameDate, outcome: "error", detail: errorMessage(err) });
    }
  }
  return swept.sort((a, b) => a.game_date.localeCompare(b.game_date) || a.transition.localeCompare(b.transition));
}
