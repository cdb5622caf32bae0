import type { Phase } from "../../catalog/types";
import type { SourceKind } from "../../domain/source-kind";
import { phaseTriggerSchema, type PhaseTrigger } from "../../messages/phase-trigger";

export type TriggerBody = { readonly kind: "trigger"; readonly trigger: PhaseTrigger; readonly sourceKind: SourceKind } | { readonly kind: "rejected"; readonly reason: string };

/**
 * A pushed phase trigger for `phase`, checked before anything runs: a body that is not a trigger,
 * is for another phase, or does not say where the upstream rows came from is permanent (rejected).
 */
export function phaseTriggerBody(body: unknown, phase: Phase): TriggerBody {
  const parsed = phaseTriggerSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { kind: "rejected", reason: `not a phase trigger: field ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}` };
  }
  const trigger = parsed.data;
  if (trigger.phase !== phase) return { kind: "rejected", reason: `expected a ${phase} trigger, got ${trigger.phase}` };
  const label = phase.split("_").slice(0, 2).join("-");
  if (!trigger.source_kind) return { kind: "rejected", reason: `source_kind: the trigger does not say where the upstream rows came from, so ${label} rows could not carry it` };
  return { kind: "trigger", trigger, sourceKind: trigger.source_kind };
}
