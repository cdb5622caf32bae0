import { catalog } from "../catalog/catalog";
import type { TransitionSpec } from "../catalog/types";
import type { Platform } from "../platform/platform";
import { scheduleDay } from "../processors/base/empty-reason";
import type { CompletionState } from "./completion-state";
import type { TriggerFields } from "./publish-trigger";
import type { CompletionVerdict } from "./transition-plan";

/** A processor fed only by season-scoped scrapers (the schedule): it completes once per season, for the range's first date. */
function seasonScoped(processor: string): boolean {
  const inputs = catalog.processors.find((p) => p.name === processor)?.inputs ?? [];
  return inputs.length > 0 && inputs.every((input) => catalog.scrapers.find((s) => s.name === input)?.scope === "season");
}

/**
 * How the local pipeline starts a date whose set is still waiting once its upstream phase is over
 * there (nothing more will complete): as its schedule would, when its mode expects no completion
 * or the schedule has no final game that day; as a relaxation would, when every critical
 * processor completed and only optional ones are missing. A season-scoped critical processor
 * (the schedule) counts as complete when the stored schedule has the date's games: the pipeline
 * loads a season once, so only the range's first date gets its completion. Null when a critical
 * completion is missing on a day with final games: a real gap, so the next phase stays blocked.
 */
export async function localStart(platform: Pick<Platform, "warehouse">, spec: TransitionSpec, state: CompletionState, verdict: CompletionVerdict): Promise<TriggerFields | null> {
  if (verdict.expected.length === 0) return { reason: "schedule", source: "scheduler" };
  const day = await scheduleDay(platform.warehouse, state.gameDate);
  if (day.finalGames === 0) return { reason: "schedule", source: "scheduler" };
  const criticalMissing = spec.expected[state.mode].some((e) => e.critical && state.completions[e.processor] === undefined && !(seasonScoped(e.processor) && day.games > 0));
  return criticalMissing ? null : { reason: "relaxed", source: "orchestrator" };
}
