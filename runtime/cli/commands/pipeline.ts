import { Option, type Command } from "commander";
import type { CliIo } from "../cli-io";
import { DEFAULT_DATA_DIR, SIM_DATA_DIR } from "../data-dir";
import { DEFAULT_SEED, SEASON_DAYS } from "../pipeline/pipeline-limits";
import { backendOption } from "../backend-option";

export function registerPipelineCommand(program: Command, io: CliIo): void {
  program
    .command("pipeline")
    .description("Run the phases in order (scrapers, raw, analytics) for ET game dates, on the embedded local platform or (--backend gcp) on GCP.")
    .requiredOption("--date <date>", "first ET game date: YYYY-MM-DD, TODAY, YESTERDAY or TOMORROW")
    .option("--to <date>", "last ET game date of a range (inclusive)")
    .addOption(new Option("--source <source>", "where payloads come from").choices(["sim", "replay"]).default("sim"))
    .option("--replay-dir <dir>", "captured payloads laid out as <scraper>/<key>/*.json[.gz] (with --source replay)")
    .option("--data-dir <dir>", `where the local warehouse, documents and payloads live (default: ${SIM_DATA_DIR} for sim, ${DEFAULT_DATA_DIR} otherwise)`)
    .addOption(new Option("--until <phase>", "last phase to run").choices(["raw", "analytics", "precompute"]).default("precompute"))
    .option("--seed <n>", "seed of the sim source (same seed, same data)", String(DEFAULT_SEED))
    .option("--yes", `run a range longer than a season (${SEASON_DAYS} days)`)
    .option("--analytics-batch <n>", "run up to N dates as one batch: their phases 1-2 together and phase 3 as one range run, each table written once per batch, the next batch loading meanwhile (a backfill's history windows are read once per batch; each date's phase-3 runs then print when its batch ran)", "1")
    .addOption(backendOption())
    .option("--json", "print the run summary as JSON")
    .addHelpText(
      "after",
      `
Dates are checked against what the source can serve (sim: seasons 2000-01 to 2098-99; replay: the
dates and seasons the replay dir holds). Each date goes through every phase before the next one
starts; Ctrl-C (or SIGTERM) stops after the date in hand, records unfinished runs as failed
(interrupted) and exits 130 (143). A data dir holds one source kind: sim and real data never mix.
Each phase's tables are validated after the range (see nba-props validate --help).
Exit codes: 0 all runs succeeded or had nothing to do and validation passed or warned, 1 a run failed or was
blocked or validation failed, 2 usage error.
JSON: {"dates":[...],"dates_completed":[...],"interrupted":false,"runs":[{"phase","processor","scope","status","rows_written","rows_quarantined","duration_ms"}],
       "uncaptured_sources":[{"scraper","scope","reason"}],"warehouse_statements":N,
       "validation":{"status","tables":[...]}} (validation as in nba-props validate --json)
Examples:
  nba-props pipeline --date 2025-03-15
  nba-props pipeline --date 2025-03-15 --source replay --replay-dir ../shared/nba-samples --json`,
    )
    .action(async (raw: Record<string, unknown>) => {
      // Loaded when the command runs, so `nba-props --help` stays light (require: the CLI runs as CommonJS through tsx).
      // eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-assignment
      const { resolvePipelineOptions }: typeof import("../pipeline/pipeline-options") = require("../pipeline/pipeline-options");
      const options = resolvePipelineOptions(raw, new Date());
      // eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-assignment
      const { runPipelineCommand }: typeof import("../pipeline/run-pipeline-command") = require("../pipeline/run-pipeline-command");
      process.exitCode = await runPipelineCommand(options, io);
    });
}
