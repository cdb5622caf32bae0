import { transitionCompletionHandler } from "./transition-completion";

/** The orchestrator's phase-2 completions: the 2->3 transition (analytics health, blocking phase-2 validation). */
export const phase2TransitionHandler = transitionCompletionHandler("phase2-to-phase3", "phase_2_raw");
