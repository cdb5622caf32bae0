import { Option, type Command } from "commander";
import type { CliIo } from "../cli-io";
import { DEFAULT_DATA_DIR } from "../data-dir";
import { UsageError } from "../exit-codes";

const STATUSES = ["running", "success", "partial", "no_data", "failed"] as const;

interface RunsOptions {
  readonly dataDir: string;
  readonly date?: string;
  readonly processor?: string;
  readonly status?: string;
  readonly limit: string;
  readonly json?: boolean;
}

export function registerRunsCommand(program: Command, io: CliIo): void {
  program
    .command("runs")
    .description("Show the run ledger: one record per scraper and processor run, newest first.")
    .option("--data-dir <dir>", "the data dir the pipeline wrote", DEFAULT_DATA_DIR)
    .option("--date <date>", "only runs for this ET game date (YYYY-MM-DD) or season scope (2024-25)")
    .option("--processor <name>", "only runs of this scraper or processor")
    .addOption(new Option("--status <status>", "only runs with this status").choices(STATUSES))
    .option("--limit <n>", "at most this many runs", "50")
    .option("--json", "print the run records as a JSON array")
    .addHelpText("after", '\nJSON: [{"run_id","processor_name","phase","scope","game_date","source_kind","status","started_at","finished_at","rows_written","error_type","error_message","owner_pid","owner_host",...}]')
    .action(async (options: RunsOptions) => {
      if (!/^[1-9]\d{0,5}$/.test(options.limit)) throw new UsageError(`--limit ${options.limit}: expected a whole number from 1 to 999999`);
      if (options.date !== undefined && !/^\d{4}-\d{2}(-\d{2})?$/.test(options.date)) throw new UsageError(`--date ${options.date}: expected YYYY-MM-DD or a season like 2024-25`);
      // Loaded when the command runs, so `nba-props --help` stays light.
      // eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-assignment
      const { printRuns }: typeof import("../inspect/print-runs") = require("../inspect/print-runs");
      await printRuns(io, { ...options, limit: Number(options.limit), json: options.json ?? false });
    });
}
