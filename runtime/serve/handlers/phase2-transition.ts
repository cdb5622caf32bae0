import { errorMessage } from "../../domain/error-message";
import { environmentHealthProbe } from "../../orchestration/environment-health-probe";
import { handleCompletion, transitionFor } from "../../orchestration/transition-handler";
import type { PushHandler } from "../push-result";
import { completionInput } from "./completion-input";

/**
 * The orchestrator's phase-2 completions: each is recorded in its date's document; once the
 * date's set is complete, the 2->3 gates run (analytics health, blocking phase-2 validation) and
 * a pass publishes `nba-phase3-trigger`. A block asks for redelivery with backoff (the last
 * attempt acknowledges: the block is recorded and the gate sweep re-evaluates it). A thrown
 * failure (doc store, publish) is transient: acknowledging it would lose the completion.
 */
export const phase2TransitionHandler: PushHandler = async (platform, delivery) => {
  const input = completionInput(delivery, "phase_2_raw");
  if (!input.ok) return { kind: "rejected", reason: input.reason };
  try {
    const outcome = await handleCompletion({ platform, health: environmentHealthProbe(platform) }, transitionFor("phase2-to-phase3"), delivery);
    return outcome.kind === "ack" ? { kind: "done", runs: [] } : { kind: "transient", reason: outcome.reason };
  } catch (err) {
    return { kind: "transient", reason: errorMessage(err) };
  }
};
