import type { Command } from "commander";
import type { CliIo } from "../cli-io";
import { packageVersion } from "../version";

export function registerVersionCommand(program: Command, io: CliIo): void {
  program
    .command("version")
    .description("Print the version of nba-props (also: nba-props --version).")
    .option("--json", 'print {"name","version","node"}')
    .action((options: { json?: boolean }) => {
      const version = packageVersion();
      io.stdout.write(options.json ? `${JSON.stringify({ name: "nba-props", version, node: process.version })}\n` : `nba-props ${version}\n`);
    });
}
