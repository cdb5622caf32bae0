import { z } from "zod";
import type { Phase } from "../catalog/types";

/** The DocStore collection of heartbeats: one document per (processor, scope), never per run. */
export const HEARTBEATS_COLLECTION = "processor_heartbeats";

export const heartbeatStatusSchema = z.enum(["running", "completed", "failed"]);
export type HeartbeatStatus = z.infer<typeof heartbeatStatusSchema>;

export const heartbeatProgressSchema = z.strictObject({
  stage: z.string(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative().nullable(),
});
export type HeartbeatProgress = z.infer<typeof heartbeatProgressSchema>;

/** The message that started the run, so a dead run can be retried by republishing it. */
const heartbeatTriggerSchema = z.strictObject({ topic: z.string().min(1), body_json: z.string() });
export type HeartbeatTrigger = z.infer<typeof heartbeatTriggerSchema>;

export const heartbeatDocumentSchema = z.strictObject({
  processor_name: z.string(),
  phase: z.string(),
  scope: z.string(),
  run_id: z.string(),
  status: heartbeatStatusSchema,
  started_at: z.string(),
  last_beat_at: z.string(),
  progress: heartbeatProgressSchema,
  last_progress_at: z.string(),
  host: z.string(),
  /** How many runs of this (processor, scope) this document has seen, this one included. */
  attempt: z.number().int().positive(),
  /** The interval the run beats at: the sweeper calls it dead after 3 missed beats of this. */
  interval_seconds: z.number().positive(),
  /** The processor's declared stall limit (catalog): no progress for this long is stalled. */
  stall_limit_seconds: z.number().positive(),
  /** Times the sweeper republished this scope's trigger since its last successful run. */
  republishes: z.number().int().nonnegative(),
  trigger: heartbeatTriggerSchema.nullable(),
  finished_at: z.string().nullable(),
  /** Why the run ended failed (error type, signal, or the sweeper's stuck code). */
  error_type: z.string().nullable(),
  /** The TTL field: written as a Date (a Timestamp on Firestore, whose TTL ignores strings); read back as the store returns it. */
  expire_at: z.union([z.date(), z.string(), z.looseObject({})]),
});
export type HeartbeatDocument = z.infer<typeof heartbeatDocumentSchema>;

const SHORT_PHASE: Readonly<Record<Phase, string>> = {
  phase_1_scrapers: "p1",
  phase_2_raw: "p2",
  phase_3_analytics: "p3",
  phase_4_precompute: "p4",
  phase_5_predictions: "p5",
};

/**
 * The document id of a (processor, scope). The phase is part of the processor's identity because a
 * scraper and its raw processor share a name (nbac_schedule). Characters a store might refuse in an
 * id are replaced, so every scope maps to a valid id.
 */
export function heartbeatId(phase: Phase, processorName: string, scope: string): string {
  return `${SHORT_PHASE[phase]}__${processorName}__${scope}`.replace(/[^A-Za-z0-9_-]/g, "-");
}
