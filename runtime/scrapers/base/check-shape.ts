import type { z } from "zod";
import { ScrapeError } from "./scrape-error";

/** The payload parsed by `schema`, or a PAYLOAD_SHAPE error naming the first offending field. */
export function checkShape<S extends z.ZodType>(schema: S, payload: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new ScrapeError("PAYLOAD_SHAPE", `not ${what}: field ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}`);
}
