import type { Command } from "commander";
import type { CliIo } from "../cli-io";
import { DEFAULT_DATA_DIR } from "../data-dir";

export function registerTablesCommand(program: Command, io: CliIo): void {
  program
    .command("tables")
    .description("List every catalog table with its row count, date range and source kind in the local warehouse.")
    .option("--data-dir <dir>", "the data dir the pipeline wrote", DEFAULT_DATA_DIR)
    .option("--json", "print one object per table")
    .addHelpText("after", '\nJSON: {"data_dir","source_kind","tables":[{"table","rows","first_date","last_date","source_kinds"}]}')
    .action(async (options: { dataDir: string; json?: boolean }) => {
      // Loaded when the command runs, so `nba-props --help` stays light.
      // eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-assignment
      const { printTables }: typeof import("../inspect/print-tables") = require("../inspect/print-tables");
      await printTables(io, options.dataDir, options.json ?? false);
    });
}
