import { z } from "zod";

const severity = z.enum(["info", "warning", "error", "critical"]);

/** What a channel is given: the first occurrence of a key, or a summary of its folded repeats. */
export const alertMessageSchema = z.strictObject({
  id: z.string(),
  kind: z.enum(["first", "summary"]),
  source: z.string(),
  category: z.string(),
  scope: z.string(),
  severity,
  title: z.string(),
  detail: z.string(),
  context: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  links: z.array(z.string()),
  /** How many raised alerts this message stands for: 1 for a first occurrence, N for a summary. */
  count: z.number().int().positive(),
  first_at: z.string(),
  last_at: z.string(),
  created_at: z.string(),
});

export type AlertMessage = z.infer<typeof alertMessageSchema>;
