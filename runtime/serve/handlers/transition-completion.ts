import type { Phase } from "../../catalog/types";
import { errorMessage } from "../../domain/error-message";
import { environmentHealthProbe } from "../../orchestration/environment-health-probe";
import { handleCompletion, transitionFor } from "../../orchestration/transition-handler";
import type { PushHandler } from "../push-result";
import { completionInput } from "./completion-input";

/**
 * The orchestrator's handler of one transition's completions: each is recorded in its date's
 * document; once the date's set is complete, the gates run (the next service's health, blocking
 * validation of `phase`) and a pass publishes the trigger. A block asks for redelivery with
 * backoff (the last attempt acknowledges: the block is recorded and the gate sweep re-evaluates
 * it). A thrown failure (doc store, publish) is transient: acknowledging it would lose the completion.
 */
export function transitionCompletionHandler(transition: string, phase: Phase): PushHandler {
  return async (platform, delivery) => {
    const input = completionInput(delivery, phase);
    if (!input.ok) return { kind: "rejected", reason: input.reason };
    try {
      const outcome = await handleCompletion({ platform, health: environmentHealthProbe(platform) }, transitionFor(transition), delivery);
      return outcome.kind === "ack" ? { kind: "done", runs: [] } : { kind: "transient", reason: outcome.reason };
    } catch (err) {
      return { kind: "transient", reason: errorMessage(err) };
    }
  };
}
