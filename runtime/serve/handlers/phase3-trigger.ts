import type { RunRecord } from "../../monitoring/run-record";
import { localPhaseStarter } from "../../orchestration/local-phase-starter";
import { resultOfRuns, type PushHandler } from "../push-result";
import { phaseTriggerBody } from "./phase-trigger-body";

/**
 * Phase 3 on its trigger (`nba-phase3-trigger`, published by the 2->3 transition once its gates
 * pass): the analytics processors for the date in dependency order (each MERGEs, so a redelivery
 * rewrites the same rows). A processor whose input failed is not run: fail closed.
 */
export const phase3TriggerHandler: PushHandler = async (platform, delivery) => {
  const body = phaseTriggerBody(delivery.body, "phase_3_analytics");
  if (body.kind === "rejected") return body;
  const runs: RunRecord[] = [];
  await localPhaseStarter(platform, body.sourceKind, (run) => runs.push(run))(body.trigger);
  return resultOfRuns(runs);
};
