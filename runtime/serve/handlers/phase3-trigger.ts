import type { RunRecord } from "../../monitoring/run-record";
import { phaseTriggerSchema } from "../../messages/phase-trigger";
import { localPhaseStarter } from "../../orchestration/local-phase-starter";
import { resultOfRuns, type PushHandler } from "../push-result";

/**
 * Phase 3 on its trigger (`nba-phase3-trigger`, published by the 2->3 transition once its gates
 * pass): the analytics processors for the date in dependency order (each MERGEs, so a redelivery
 * rewrites the same rows). A processor whose input failed is not run: fail closed.
 */
export const phase3TriggerHandler: PushHandler = async (platform, delivery) => {
  const parsed = phaseTriggerSchema.safeParse(delivery.body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { kind: "rejected", reason: `not a phase trigger: field ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}` };
  }
  const trigger = parsed.data;
  if (trigger.phase !== "phase_3_analytics") return { kind: "rejected", reason: `expected a phase_3_analytics trigger, got ${trigger.phase}` };
  if (!trigger.source_kind) return { kind: "rejected", reason: "source_kind: the trigger does not say where the upstream rows came from, so phase-3 rows could not carry it" };
  const runs: RunRecord[] = [];
  await localPhaseStarter(platform, trigger.source_kind, (run) => runs.push(run))(trigger);
  return resultOfRuns(runs);
};
