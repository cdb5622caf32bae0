import { transitionCompletionHandler } from "./transition-completion";

/** The orchestrator's phase-3 completions: the 3->4 transition (precompute health, blocking phase-3 validation). */
export const phase3TransitionHandler = transitionCompletionHandler("phase3-to-phase4", "phase_3_analytics");
