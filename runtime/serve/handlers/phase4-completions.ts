import { errorMessage } from "../../domain/error-message";
import { environmentHealthProbe } from "../../orchestration/environment-health-probe";
import { recordOnly, transitionFor } from "../../orchestration/transition-handler";
import type { PushHandler } from "../push-result";
import { completionInput } from "./completion-input";

/**
 * The orchestrator's phase-4 completions: recorded per game date in the 4->5 transition's
 * document (what status shows and what the transition will read), never advanced: no prediction
 * service exists, so the 4->5 transition and its trigger stay planned (runtime/catalog/transitions.ts).
 */
export const phase4CompletionsHandler: PushHandler = async (platform, delivery) => {
  const input = completionInput(delivery, "phase_4_precompute");
  if (!input.ok) return { kind: "rejected", reason: input.reason };
  try {
    await recordOnly({ platform, health: environmentHealthProbe(platform) }, transitionFor("phase4-to-phase5"), input.message);
    return { kind: "done", runs: [] };
  } catch (err) {
    return { kind: "transient", reason: errorMessage(err) };
  }
};
