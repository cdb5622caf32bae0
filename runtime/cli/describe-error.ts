import { errorMessage } from "../domain/error-message";
import { SourceKindConflictError } from "../platform/local/data-dir-provenance";
import { WarehouseError } from "../platform/local/warehouse-error";
import { CommandFailure, EXIT_FAILURE, EXIT_USAGE, UsageError } from "./exit-codes";

export interface DescribedError {
  readonly exitCode: number;
  readonly text: string;
}

/**
 * What the CLI prints for an error: one or two lines naming the input at fault and what to do.
 * A stack trace only with --verbose; an error nobody anticipated says so and how to see more.
 */
export function describeError(err: unknown, verbose: boolean): DescribedError {
  const message = errorMessage(err).replace(/\n\s*\n/g, "\n").trim();
  const stack = verbose && err instanceof Error && err.stack ? `\n${err.stack}` : "";
  if (err instanceof UsageError || err instanceof SourceKindConflictError) return { exitCode: EXIT_USAGE, text: `error: ${message}${stack}\n` };
  if (err instanceof CommandFailure || err instanceof WarehouseError) return { exitCode: EXIT_FAILURE, text: `error: ${message}${stack}\n` };
  const hint = verbose ? "" : "\n(an unexpected failure: run again with --verbose for the stack trace)";
  return { exitCode: EXIT_FAILURE, text: `error: ${message}${stack}${hint}\n` };
}
