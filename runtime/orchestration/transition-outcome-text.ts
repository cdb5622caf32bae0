import type { TransitionOutcome } from "./transition-handler";

/** Words for the phases around a transition, as its blocked lines name them. */
export interface TransitionWords {
  /** The phase whose completions it waits for, e.g. "phase 2". */
  readonly previous: string;
  /** The phase it starts, e.g. "phase 3". */
  readonly next: string;
  /** How a gate is named, e.g. "gate" or "3->4 gate". */
  readonly gate: string;
}

/** A transition's outcome for a date in words: the reason a phase's processors were not run. */
export function transitionOutcomeText(outcome: TransitionOutcome, words: TransitionWords): string {
  switch (outcome.kind) {
    case "blocked":
      return `${words.gate} blocked: ${outcome.reasons.join("; ")}`;
    case "waiting":
      return `${words.previous} incomplete, waiting for ${outcome.waitingFor}`;
    case "ignored":
      return outcome.why;
    case "already_triggered":
      return `${words.next} already started at ${outcome.at ?? "?"}`;
    case "published":
      return `${words.next} started (${outcome.messageId})`;
  }
}
