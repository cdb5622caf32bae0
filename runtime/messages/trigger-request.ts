import { z } from "zod";

/** Phases a scheduler or an operator may start for a date. */
export const TRIGGERABLE_PHASES = ["phase_3_analytics", "phase_4_precompute", "phase_5_predictions"] as const;
export type TriggerablePhase = (typeof TRIGGERABLE_PHASES)[number];

/**
 * The body a schedule posts to the orchestrator's `/trigger` (runtime/catalog/schedules.ts):
 * the phase to start and a date token, resolved in ET by the orchestrator, never by the caller.
 */
export const triggerRequestSchema = z.strictObject({
  phase: z.enum(TRIGGERABLE_PHASES),
  date: z.string().min(1),
});

/** The body of `/gates/sweep`: a date token narrows the sweep; without one every open gate is swept. */
export const gateSweepRequestSchema = z.strictObject({
  date: z.string().min(1).optional(),
});

