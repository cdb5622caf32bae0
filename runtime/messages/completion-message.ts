import { z } from "zod";

export const PHASES = ["phase_1_scrapers", "phase_2_raw", "phase_3_analytics", "phase_4_precompute", "phase_5_predictions"] as const;
export const COMPLETION_STATUSES = ["success", "partial", "no_data", "failed"] as const;

/** The completion envelope every phase publishes (DOMAIN §6.2). Null fields are omitted, unknown keys rejected. */
export const completionMessageSchema = z
  .strictObject({
    processor_name: z.string().min(1),
    phase: z.enum(PHASES),
    execution_id: z.string().min(1),
    correlation_id: z.string().min(1),
    game_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected an ET date YYYY-MM-DD"),
    status: z.enum(COMPLETION_STATUSES),
    timestamp: z.iso.datetime(),
    output_table: z.string().optional(),
    output_dataset: z.string().optional(),
    record_count: z.number().int().nonnegative().optional(),
    records_failed: z.number().int().nonnegative().optional(),
    duration_seconds: z.number().nonnegative().optional(),
    parent_processor: z.string().optional(),
    trigger_source: z.enum(["pubsub", "scheduler", "manual", "orchestrator"]).optional(),
    trigger_message_id: z.string().optional(),
    error_message: z.string().max(1000).optional(),
    error_type: z.string().optional(),
    metadata: z.record(z.string(), z.unknown()).optional(),
  })
  .superRefine((m, ctx) => {
    if (m.phase !== "phase_1_scrapers") return;
    if (m.record_count === undefined) ctx.addIssue({ code: "custom", path: ["record_count"], message: "phase-1 messages carry an explicit record_count" });
    if ((m.status === "success" || m.status === "partial") && typeof m.metadata?.gcs_path !== "string") {
      ctx.addIssue({ code: "custom", path: ["metadata", "gcs_path"], message: "phase-1 messages carry the stored object path" });
    }
  });

export type CompletionMessage = z.infer<typeof completionMessageSchema>;

/** Drops null/undefined fields (the envelope omits them) and validates before anything is published. */
export function buildCompletionMessage(fields: Record<string, unknown>): CompletionMessage {
  const compact = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null && v !== undefined));
  return completionMessageSchema.parse(compact);
}
