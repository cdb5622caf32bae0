import { z } from "zod";

/** A per-game source's date payload: the JSON array of the day's per-game payloads (maybe none). */
export const perGamePayloadsSchema = z.array(z.unknown());

/** The first problem of a zod parse as "field a.b.c: message", for shape errors that name the field. */
export function firstIssue(error: z.ZodError, prefix: string): string {
  const issue = error.issues[0];
  const path = [prefix, ...(issue?.path ?? []).map(String)].filter((p) => p !== "").join(".");
  return `field ${path || "(root)"}: ${issue?.message ?? "invalid"}`;
}
