import type { z } from "zod";
import { ProcessorError } from "../base/processor-error";

/** The payload's overall shape is wrong: name the file and the first offending path. */
export function envelopeError(source: string, error: z.ZodError): ProcessorError {
  const issue = error.issues[0];
  const path = issue?.path.join(".") || "(root)";
  return new ProcessorError("INPUT_INVALID", `${source}: payload field ${path}: ${issue?.message ?? "invalid"}; nothing was written`);
}
