import { errorMessage } from "../../domain/error-message";
import { isTransient, OrchestrationError } from "../../orchestration/orchestration-error";
import { handleTriggerRequest } from "../../orchestration/scheduled-trigger";
import type { ScheduledHandler } from "../scheduled-result";
import { scheduledOrchestrator } from "./orchestrator-on";

/**
 * The scheduler's `/trigger` (e.g. `same-day-phase3`: `{"phase":"phase_3_analytics","date":"TODAY"}`):
 * the date token resolved in ET, the day's games looked up, and for a date with games the gates
 * run and the phase's trigger is published (the next service runs it). A bad body is rejected
 * (400); a failed schedule lookup or a doc-store/publish failure asks the scheduler to retry (503).
 */
export const scheduledTriggerHandler: ScheduledHandler = async (platform, body) => {
  try {
    const result = await handleTriggerRequest(await scheduledOrchestrator(platform), body);
    return { kind: "done", body: { phase: result.phase, dates: result.dates } };
  } catch (err) {
    if (err instanceof OrchestrationError && !isTransient(err)) return { kind: "rejected", reason: err.message };
    return { kind: "transient", reason: errorMessage(err) };
  }
};
