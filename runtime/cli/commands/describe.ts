import type { Command } from "commander";
import type { CliIo } from "../cli-io";

export function registerDescribeCommand(program: Command, io: CliIo): void {
  program
    .command("describe")
    .description("Describe a catalog table: columns, key, partitioning, clustering and write strategy.")
    .argument("<table>", "dataset.table, e.g. nba_analytics.player_game_summary")
    .option("--json", "print the catalog entry as JSON")
    .action((name: string, options: { json?: boolean }) => {
      // Loaded when the command runs, so `nba-props --help` stays light.
      // eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-assignment
      const { printDescription }: typeof import("../inspect/print-description") = require("../inspect/print-description");
      printDescription(io, name, options.json ?? false);
    });
}
