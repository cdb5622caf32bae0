import type { z } from "zod";

/** A payload's structure is not the source's format: the message names the first offending field path. */
export class PayloadShapeError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`field ${path || "(root)"}: ${message}`);
    this.name = "PayloadShapeError";
  }
}

/** Parses `value` with `schema`, or throws naming the field path (prefixed by where `value` sits). */
export function parseShape<S extends z.ZodType>(schema: S, value: unknown, at: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const inner = issue?.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("") ?? "";
  const path = `${at}${inner}`.replace(/^\./, "");
  throw new PayloadShapeError(path, issue?.message ?? "invalid");
}
