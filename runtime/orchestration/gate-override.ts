import { catalog } from "../catalog/catalog";
import { LOG_EVENTS } from "../catalog/monitoring";
import type { Phase, TransitionSpec } from "../catalog/types";
import { completionDocId, parseCompletionDoc, PHASE_COMPLETIONS, toCompletionDoc } from "./completion-state";
import { OrchestrationError } from "./orchestration-error";
import { orchestratedTransitions, type OrchestratorContext } from "./orchestrator-context";
import { buildPhaseTrigger, publishTrigger } from "./publish-trigger";
import { completionVerdict, latchTriggered } from "./transition-plan";
import { stateOrEmpty } from "./transition-handler";

export interface GateOverride {
  /** The phase the gate starts (3, 4 or 5). */
  readonly phase: Phase;
  readonly gameDate: string;
  readonly reason: string;
  readonly by: string;
}

export interface OverrideResult {
  readonly transition: string;
  readonly game_date: string;
  readonly phase: Phase;
  readonly message_id: string;
  readonly reason: string;
  readonly by: string;
  readonly at: string;
  readonly missing_processors: readonly string[];
}

export function transitionInto(phase: Phase, transitions: readonly TransitionSpec[] = catalog.transitions): TransitionSpec {
  const spec = transitions.find((t) => t.to === phase);
  if (!spec) throw new OrchestrationError("UNKNOWN_TRANSITION", `no gate starts ${phase}`);
  return spec;
}

/**
 * An operator's override: the gates are skipped, the trigger is published with the reason, and
 * the date is latched with who, when and why. A date already triggered is refused (rerun the phase
 * with the pipeline instead).
 */
export async function overrideGate(ctx: OrchestratorContext, override: GateOverride): Promise<OverrideResult> {
  const spec = transitionInto(override.phase, orchestratedTransitions(ctx));
  const state = await stateOrEmpty(ctx, spec, override.gameDate);
  if (state.triggered) {
    throw new OrchestrationError("INVALID_PARAMETER", `${spec.to} for ${override.gameDate} was already started at ${state.triggeredAt ?? "?"} (${state.triggerReason ?? "?"}); nothing to override`);
  }
  const now = ctx.platform.clock.now().toISOString();
  const verdict = completionVerdict(state, spec, now);
  const trigger = buildPhaseTrigger(spec, state, verdict, { reason: "override", source: "manual", overrideReason: override.reason }, now);
  const messageId = await publishTrigger(ctx, spec, trigger);
  const record = { reason: override.reason, at: now, by: override.by };
  await ctx.platform.docStore.transaction(async (tx) => {
    const id = completionDocId(spec.from, override.gameDate);
    const doc = await tx.get(PHASE_COMPLETIONS, id);
    const current = doc ? parseCompletionDoc(doc) : state;
    tx.set(PHASE_COMPLETIONS, id, toCompletionDoc({ ...latchTriggered(current, verdict, "override", messageId, now), override: record }));
  });
  ctx.platform.logger.warn(
    { event: LOG_EVENTS.gateOverridden, gate: "override", game_date: override.gameDate, transition: spec.name, phase: spec.to, reason: override.reason, by: override.by, message_id: messageId },
    `${spec.name} ${override.gameDate}: overridden by ${override.by}`,
  );
  return { transition: spec.name, game_date: override.gameDate, phase: spec.to, message_id: messageId, reason: override.reason, by: override.by, at: now, missing_processors: verdict.missing };
}
