import { Command, CommanderError } from "commander";
import { EXIT_FAILURE, EXIT_USAGE } from "./exit-codes";
import { describeError } from "./describe-error";
import { packageVersion } from "./version";
import { errorMessage } from "../domain/error-message";
import { processIo, type CliIo } from "./cli-io";
import { commandRegistrations } from "./commands";

export function buildProgram(io: CliIo = processIo): Command {
  const program = new Command("nba-props")
    .description("NBA props data platform: run the pipeline locally on embedded defaults, query the warehouse, check infrastructure.")
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .version(packageVersion(), "-V, --version", "print the version and exit")
    .option("--verbose", "print stack traces with errors")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();
  for (const register of commandRegistrations) register(program, io);
  return program;
}

/**
 * Runs the CLI and returns the exit code (0 ok, 1 failure, 2 usage error). Commands report
 * their code through process.exitCode; it is read and restored here so that running the CLI
 * in-process (tests) never changes the host process's own exit code.
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const program = buildProgram(io);
  const saved = process.exitCode;
  process.exitCode = undefined;
  try {
    await program.parseAsync([...argv], { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === "commander.helpDisplayed" || err.code === "commander.help" || err.code === "commander.version") return 0;
      return EXIT_USAGE;
    }
    const described = describeError(err, argv.includes("--verbose"));
    io.stderr.write(described.text);
    return described.exitCode;
  } finally {
    process.exitCode = saved;
  }
}

/** Entry point used by bin/nba-props.js. */
export function main(): void {
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`fatal: ${errorMessage(err)}\n`);
      process.exitCode = EXIT_FAILURE;
    },
  );
}
