import type { z } from "zod";
import { UsageError } from "./exit-codes";

/**
 * Parses a command's options (commander's camelCase keys) through its strict schema; the first
 * problem is a usage error naming the flag as the user typed it (`dataDir` -> `--data-dir`).
 */
export function parseFlags<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const flag = `--${String(issue?.path[0] ?? "?").replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  throw new UsageError(`${flag}: ${issue?.message ?? "invalid"}`);
}
