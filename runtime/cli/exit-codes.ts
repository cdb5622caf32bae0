/** Exit codes of every `nba-props` command (ARCHITECTURE.md, The CLI). */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** A failure the command has already put in words for a person: printed as is, no stack trace, exit 1. */
export class CommandFailure extends Error {
  readonly code = "COMMAND_FAILED";
}

/** Thrown for bad input the user can fix (flag values, arguments); exits 2 with the message. */
export class UsageError extends Error {
  readonly code = "USAGE";
}
