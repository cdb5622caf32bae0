import { runTriggeredPrecompute } from "../../orchestration/triggered-precompute";
import { resultOfRuns, type PushHandler } from "../push-result";
import { phaseTriggerBody } from "./phase-trigger-body";

/**
 * Phase 4 on its trigger (`nba-phase4-trigger`, published by the 3->4 transition once its gates
 * pass): the precompute processors for the date in dependency order (each MERGEs, so a
 * redelivery rewrites the same rows), then one `nba-phase4-precompute-complete` per processor.
 * A processor whose input failed is not run: fail closed.
 */
export const phase4TriggerHandler: PushHandler = async (platform, delivery) => {
  const body = phaseTriggerBody(delivery.body, "phase_4_precompute");
  if (body.kind === "rejected") return body;
  return resultOfRuns(await runTriggeredPrecompute(platform, [body.trigger], body.sourceKind));
};
