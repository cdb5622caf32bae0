import { z } from "zod";

const severity = z.enum(["info", "warning", "error", "critical"]);
const contextValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/**
 * One document per dedup key in `alert_state`: the aggregation window, the folded repeats not
 * yet summarised, and the hourly cap. It lives in the DocStore so a restart or a scale-to-zero
 * does not reset the limiter.
 */
export const limiterStateSchema = z.strictObject({
  source: z.string(),
  category: z.string(),
  scope: z.string(),
  /** Every alert ever raised for the key (the books' left-hand side). */
  raised_total: z.number().int().nonnegative(),
  /** Messages recorded in the outbox for the key; numbers the message ids. */
  messages_total: z.number().int().nonnegative(),
  window_start_ms: z.number().nullable(),
  window_end_ms: z.number().nullable(),
  /** Repeats folded and not yet in a recorded summary. */
  pending_count: z.number().int().nonnegative(),
  pending_first_ms: z.number().nullable(),
  pending_last_ms: z.number().nullable(),
  pending_severity: severity.nullable(),
  last_title: z.string(),
  last_detail: z.string(),
  last_context: z.record(z.string(), contextValue),
  last_links: z.array(z.string()),
  cap_start_ms: z.number().nullable(),
  cap_sent: z.number().int().nonnegative(),
  /** When the folded repeats are due as a summary; null when nothing is pending. */
  flush_at_ms: z.number().nullable(),
  expire_at: z.string(),
});

export type LimiterState = z.infer<typeof limiterStateSchema>;
