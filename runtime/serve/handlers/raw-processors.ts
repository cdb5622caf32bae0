import { errorMessage } from "../../domain/error-message";
import { isTransient } from "../../platform/ports/transient-error";
import { runRawProcessors } from "../../processors/raw/raw-consumer";
import { resultOfRuns, type PushHandler } from "../push-result";
import { completionInput } from "./completion-input";

/** Phase 2: a phase-1 completion names a stored payload; every raw processor reading that scraper runs on it. */
export const rawProcessorsHandler: PushHandler = async (platform, delivery) => {
  const input = completionInput(delivery, "phase_1_scrapers");
  if (!input.ok) return { kind: "rejected", reason: input.reason };
  try {
    return resultOfRuns(await runRawProcessors(platform, input.message, delivery.messageId));
  } catch (err) {
    if (isTransient(err)) return { kind: "transient", reason: errorMessage(err) };
    return { kind: "rejected", reason: errorMessage(err) };
  }
};
