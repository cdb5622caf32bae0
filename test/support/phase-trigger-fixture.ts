/** Per phase: the upstream completion these fixtures name, the trigger reason and the ids. */
const DEFAULTS = {
  phase_3_analytics: { upstream: "nbac_player_boxscores", trigger_reason: "all_complete", execution_id: "t-1", correlation_id: "c-1" },
  phase_4_precompute: { upstream: "player_game_summary", trigger_reason: "threshold", execution_id: "t-4", correlation_id: "c-4" },
} as const;

/**
 * A valid phase trigger as the orchestrator publishes it (runtime/messages/phase-trigger.ts), for
 * driving the trigger routes; `fields` override or add (e.g. `source_kind`, `game_date`).
 */
export function phaseTriggerFixture(phase: keyof typeof DEFAULTS, fields: Record<string, unknown> = {}): Record<string, unknown> {
  const { upstream, ...ids } = DEFAULTS[phase];
  return {
    phase,
    game_date: "2025-03-15",
    mode: "backfill",
    trigger_source: "orchestrator",
    timestamp: "2025-03-16T10:00:00.000Z",
    ...ids,
    expected_processors: [upstream],
    completed_processors: [upstream],
    missing_processors: [],
    upstream_processors_count: 1,
    ...fields,
  };
}
