import { phaseTriggerSchema } from "../../messages/phase-trigger";
import { runTriggeredPrecompute } from "../../orchestration/triggered-precompute";
import { resultOfRuns, type PushHandler } from "../push-result";

/**
 * Phase 4 on its trigger (`nba-phase4-trigger`, published by the 3->4 transition once its gates
 * pass): the precompute processors for the date in dependency order (each MERGEs, so a
 * redelivery rewrites the same rows), then one `nba-phase4-precompute-complete` per processor.
 * A processor whose input failed is not run: fail closed.
 */
export const phase4TriggerHandler: PushHandler = async (platform, delivery) => {
  const parsed = phaseTriggerSchema.safeParse(delivery.body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { kind: "rejected", reason: `not a phase trigger: field ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}` };
  }
  const trigger = parsed.data;
  if (trigger.phase !== "phase_4_precompute") return { kind: "rejected", reason: `expected a phase_4_precompute trigger, got ${trigger.phase}` };
  if (!trigger.source_kind) return { kind: "rejected", reason: "source_kind: the trigger does not say where the upstream rows came from, so phase-4 rows could not carry it" };
  return resultOfRuns(await runTriggeredPrecompute(platform, [trigger], trigger.source_kind));
};
