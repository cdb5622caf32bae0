import type { Command } from "commander";
import { z } from "zod";
import type { CliIo } from "../cli-io";
import { DEFAULT_DATA_DIR } from "../data-dir";
import { parseFlags } from "../parse-flags";

const listFlags = z.strictObject({
  dataDir: z.string().min(1),
  date: z
    .string()
    .min(1)
    .optional(),
  limit: z.string().regex(/^[1-9]\d{0,5}$/, "expected a whole number from 1 to 999999"),
  json: z.boolean().optional(),
});

export function registerQuarantineCommand(program: Command, io: CliIo): void {
  const quarantine = program.command("quarantine").description("Records that failed strict parsing, kept with their file, record, field, value and reason.");
  quarantine
    .command("list")
    .description("List quarantined records, newest first.")
    .option("--data-dir <dir>", "the data dir the pipeline wrote", DEFAULT_DATA_DIR)
    .option("--date <date>", "only records of this ET game date (YYYY-MM-DD, TODAY, YESTERDAY, TOMORROW)")
    .option("--limit <n>", "at most this many records", "100")
    .option("--json", "print the records as JSON")
    .addHelpText(
      "after",
      '\nJSON: {"quarantined":[{"run_id","processor_name","scope","game_date","source","object_path","record_index","record","key","field","value","reason","rows_loaded","quarantined_at"}],"count":N}',
    )
    .action(async (raw: unknown) => {
      const flags = parseFlags(listFlags, raw);
      // Loaded when the command runs, so `nba-props --help` stays light.
      // eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-assignment
      const { printQuarantine }: typeof import("../inspect/print-quarantine") = require("../inspect/print-quarantine");
      await printQuarantine(io, { dataDir: flags.dataDir, date: flags.date, limit: Number(flags.limit), json: flags.json ?? false });
    });
}
