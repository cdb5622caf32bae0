import { Command, CommanderError } from "commander";
import { EXIT_FAILURE, EXIT_USAGE, UsageError } from "./exit-codes";
import { commandRegistrations } from "./commands";

export function buildProgram(): Command {
  const program = new Command("nba-props")
    .description("NBA props data platform: run the pipeline locally on embedded defaults, query the warehouse, check infrastructure.")
    .showHelpAfterError()
    .exitOverride();
  for (const register of commandRegistrations) register(program);
  return program;
}

/** Runs the CLI and returns the exit code (0 ok, 1 failure, 2 usage error). */
export async function runCli(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv], { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === "commander.helpDisplayed" || err.code === "commander.help" || err.code === "commander.version") return 0;
      return EXIT_USAGE;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`error: ${err.message}\n`);
      return EXIT_USAGE;
    }
    const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
    process.stderr.write(`error: ${message}\n`);
    return EXIT_FAILURE;
  }
}

/** Entry point used by bin/nba-props.js. */
export function main(): void {
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`fatal: ${String(err)}\n`);
      process.exitCode = EXIT_FAILURE;
    },
  );
}
