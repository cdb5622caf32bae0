import type { Command } from "commander";
import type { CliIo } from "../cli-io";
import { DEFAULT_DATA_DIR } from "../data-dir";
import { UsageError } from "../exit-codes";

export function registerResetCommand(program: Command, io: CliIo): void {
  program
    .command("reset")
    .description("Empty a data dir (warehouse, run ledger, stored payloads, logs): everything in it is rebuilt from the sources.")
    .option("--data-dir <dir>", "the data dir to empty", DEFAULT_DATA_DIR)
    .option("--yes", "really delete it")
    .option("--json", 'print {"data_dir","removed":[...]}')
    .addHelpText("after", "\nOnly a data dir is emptied: a folder holding anything else, or one in use by a running command, is refused (exit 2 or 1).")
    .action(async (options: { dataDir: string; yes?: boolean; json?: boolean }) => {
      if (!options.yes) throw new UsageError(`reset deletes everything in ${options.dataDir} (warehouse, run ledger, payloads, logs); add --yes to do it`);
      // Loaded when the command runs, so `nba-props --help` stays light.
      // eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-assignment
      const { resetDataDir }: typeof import("../inspect/reset-data-dir") = require("../inspect/reset-data-dir");
      const removed = await resetDataDir(options.dataDir);
      io.stdout.write(options.json ? `${JSON.stringify(removed)}\n` : `Emptied ${removed.data_dir}: removed ${removed.removed.length ? removed.removed.join(", ") : "nothing (it was empty)"}\n`);
    });
}
