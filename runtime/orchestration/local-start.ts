import type { TransitionSpec } from "../catalog/types";
import type { Platform } from "../platform/platform";
import { scheduleDay } from "../processors/base/empty-reason";
import type { CompletionState } from "./completion-state";
import type { TriggerFields } from "./publish-trigger";
import type { CompletionVerdict } from "./transition-plan";

/**
 * How the local pipeline starts a date whose set is still waiting once its upstream phase is over
 * there (nothing more will complete): as its schedule would, when its mode expects no completion
 * or the schedule has no final game that day; as a relaxation would, when every critical
 * processor completed and only optional ones are missing. Null when a critical completion is
 * missing on a day with final games: a real gap, so the next phase stays blocked.
 */
export async function localStart(platform: Pick<Platform, "warehouse">, spec: TransitionSpec, state: CompletionState, verdict: CompletionVerdict): Promise<TriggerFields | null> {
  if (verdict.expected.length === 0 || (await scheduleDay(platform.warehouse, state.gameDate)).finalGames === 0) return { reason: "schedule", source: "scheduler" };
  const criticalMissing = spec.expected[state.mode].some((e) => e.critical && state.completions[e.processor] === undefined);
  return criticalMissing ? null : { reason: "relaxed", source: "orchestrator" };
}
