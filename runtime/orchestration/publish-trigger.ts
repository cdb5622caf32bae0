import { randomUUID } from "node:crypto";
import type { TransitionSpec } from "../catalog/types";
import type { SourceKind } from "../domain/source-kind";
import { phaseTriggerSchema, type PhaseTrigger } from "../messages/phase-trigger";
import type { CompletionState } from "./completion-state";
import { OrchestrationError } from "./orchestration-error";
import type { OrchestratorContext } from "./orchestrator-context";
import type { CompletionVerdict } from "./transition-plan";

export interface TriggerFields {
  readonly reason: PhaseTrigger["trigger_reason"];
  readonly source: PhaseTrigger["trigger_source"];
  readonly overrideReason?: string;
  /** Used when no completion names the upstream rows' source kind (a scheduled start). */
  readonly sourceKind?: SourceKind;
}

/** The trigger message for the next phase, validated before it goes anywhere. */
export function buildPhaseTrigger(spec: TransitionSpec, state: CompletionState, verdict: Pick<CompletionVerdict, "expected" | "completed" | "missing">, fields: TriggerFields, now: string): PhaseTrigger {
  const executionId = randomUUID();
  const ordered = Object.values(state.completions).sort((a, b) => a.completed_at.localeCompare(b.completed_at));
  const first = ordered[0];
  const sourceKind = ordered.find((c) => c.source_kind !== undefined)?.source_kind ?? fields.sourceKind;
  return phaseTriggerSchema.parse({
    phase: spec.to,
    game_date: state.gameDate,
    mode: state.mode,
    trigger_reason: fields.reason,
    trigger_source: fields.source,
    execution_id: executionId,
    correlation_id: first?.correlation_id ?? executionId,
    timestamp: now,
    expected_processors: [...verdict.expected],
    completed_processors: [...verdict.completed],
    missing_processors: [...verdict.missing],
    upstream_processors_count: verdict.completed.length,
    ...(fields.overrideReason ? { override_reason: fields.overrideReason } : {}),
    ...(sourceKind ? { source_kind: sourceKind } : {}),
  });
}

/** Starts the next phase: the trigger topic, or in process where the catalog declares none. Returns a message id. */
export async function publishTrigger(ctx: OrchestratorContext, spec: TransitionSpec, trigger: PhaseTrigger): Promise<string> {
  if (spec.triggerTopic !== null) return ctx.platform.bus.publish(spec.triggerTopic, trigger);
  if (!ctx.startPhase) throw new OrchestrationError("NO_PATH_TO_PHASE", `${spec.name}: ${spec.to} has no trigger topic and no in-process starter was given`);
  await ctx.startPhase(trigger);
  return `in-process:${trigger.execution_id}`;
}
