import { z } from "zod";
import { SOURCE_KINDS } from "../domain/source-kind";
import { PHASES } from "./completion-message";

export const TRANSITION_MODES = ["overnight", "same_day", "backfill"] as const;
export const TRIGGER_REASONS = ["all_complete", "threshold", "relaxed", "override", "schedule"] as const;

/**
 * The message that starts a phase for a date (`nba-phase4-trigger`, `nba-predictions-trigger`,
 * DOMAIN §6.2): who completed, who is missing, and why it fired. Validated before publishing.
 */
export const phaseTriggerSchema = z.strictObject({
  phase: z.enum(PHASES),
  game_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected an ET date YYYY-MM-DD"),
  mode: z.enum(TRANSITION_MODES),
  trigger_reason: z.enum(TRIGGER_REASONS),
  trigger_source: z.enum(["orchestrator", "scheduler", "manual"]),
  execution_id: z.string().min(1),
  correlation_id: z.string().min(1),
  timestamp: z.iso.datetime(),
  expected_processors: z.array(z.string()),
  completed_processors: z.array(z.string()),
  missing_processors: z.array(z.string()),
  upstream_processors_count: z.number().int().nonnegative(),
  override_reason: z.string().min(1).optional(),
  /** Provenance of the upstream rows (from the completions), so the next phase stamps its rows with it. */
  source_kind: z.enum(SOURCE_KINDS).optional(),
});

export type PhaseTrigger = z.infer<typeof phaseTriggerSchema>;
