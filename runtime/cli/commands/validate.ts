import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "commander";
import { z } from "zod";
import { addDays } from "../../domain/et-date";
import { errorMessage } from "../../domain/error-message";
import { resolveDate } from "../../domain/resolve-date";
import { backendOption, resolveBackend } from "../backend-option";
import type { CliIo } from "../cli-io";
import { EXIT_FAILURE, EXIT_OK, UsageError } from "../exit-codes";
import { parseFlags } from "../parse-flags";

/** The default look-back: a gap of many days shows, not only today's (RELIABILITY row 8). */
const LOOKBACK_DAYS = 30;
const MAX_DAYS = 400;
const DEFAULT_DATA_DIR = ".nba-props";

const optionsSchema = z.strictObject({
  backend: z.string().optional(),
  dataDir: z.string().min(1),
  from: z.string().optional(),
  to: z.string().optional(),
  table: z.string().regex(/^[a-z_]+\.[a-z0-9_]+$/, "expected dataset.table").optional(),
  json: z.boolean().optional(),
});

function parseOptions(raw: unknown, now: Date) {
  const o = parseFlags(optionsSchema, raw);
  const backend = resolveBackend(o.backend);
  const dateOf = (flag: string, value: string): string => {
    try {
      return resolveDate(value, now);
    } catch (err) {
      throw new UsageError(`${flag}: ${errorMessage(err)}`);
    }
  };
  const to = o.to === undefined ? dateOf("--to", "TODAY") : dateOf("--to", o.to);
  const from = o.from === undefined ? addDays(to, -(LOOKBACK_DAYS - 1)) : dateOf("--from", o.from);
  if (to < from) throw new UsageError(`--to ${to} is before --from ${from}`);
  if (addDays(from, MAX_DAYS) <= to) throw new UsageError(`--from ${from} --to ${to} covers more than ${MAX_DAYS} days`);
  return { backend, from, to, dataDir: resolve(o.dataDir), table: o.table ?? null, json: o.json ?? false };
}

export function registerValidateCommand(program: Command, io: CliIo): void {
  program
    .command("validate")
    .description("Run every table's checks (configs/validation/<dataset>/<table>.yaml) over a date window; one query per table.")
    .addOption(backendOption())
    .option("--data-dir <dir>", "the data dir of the local warehouse", DEFAULT_DATA_DIR)
    .option("--from <date>", `first ET date of the window (default: ${LOOKBACK_DAYS} days up to --to)`)
    .option("--to <date>", "last ET date of the window (default: TODAY in America/New_York)")
    .option("--table <dataset.table>", "validate one table only")
    .option("--json", "print the results as JSON")
    .addHelpText(
      "after",
      `
Dates: YYYY-MM-DD, TODAY, YESTERDAY or TOMORROW (America/New_York).
Check status: pass, fail, not_due (the schedule says the data is not due yet), error (the check could not run;
its sample holds the reason). Table and overall status: fail (a failed error/critical check), warn (a failed
warning), pass. Results are stored in nba_orchestration.validation_runs and validation_results.
JSON: {"status":"pass|warn|fail","tables":[{"table","status","queries":N,"checks":[{"key","severity","blocking","status","observed","threshold","sample","remediation"}]}]}
Exit codes: 0 pass or warn, 1 fail, 2 usage error.
Examples:
  nba-props validate --from 2025-03-15 --to 2025-03-15
  nba-props validate --table nba_analytics.player_game_summary --json`,
    )
    .action(async (raw: Record<string, unknown>) => {
      const options = parseOptions(raw, new Date());
      /* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-assignment -- heavy modules load only when the command runs (runtime/cli/commands/index.ts) */
      const { loadValidationConfigs }: typeof import("../../validation/load-validation-configs") = require("../../validation/load-validation-configs");
      const { pipelineSourceFlags }: typeof import("../../validation/pipeline-source") = require("../../validation/pipeline-source");
      const { runValidation }: typeof import("../../validation/run-validation") = require("../../validation/run-validation");
      const { humanSummary, validationSummary }: typeof import("../../validation/validation-summary") = require("../../validation/validation-summary");
      const { openPlatform }: typeof import("../../platform/open-platform") = require("../../platform/open-platform");
      const { localPaths }: typeof import("../../platform/local/local-platform") = require("../../platform/local/local-platform");
      const { dataDirKind }: typeof import("../../platform/local/data-dir-provenance") = require("../../platform/local/data-dir-provenance");
      /* eslint-enable @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-assignment */
      const configs = loadValidationConfigs();
      const selected = options.table ? configs.filter((c) => c.config.table === options.table) : configs;
      if (selected.length === 0) throw new UsageError(`--table ${options.table}: no such table; known tables:\n  ${configs.map((c) => c.config.table).join("\n  ")}`);
      const local = options.backend === "local";
      const file = localPaths(options.dataDir).warehouse;
      if (local && !existsSync(file)) throw new UsageError(`no warehouse at ${file}; run nba-props pipeline first or pass --data-dir`);
      const platform = await openPlatform({ backend: options.backend, dataDir: options.dataDir, alertStream: io.stderr });
      try {
        // Results carry the kind of the data they judge: a local data dir holds one kind; GCP holds live data.
        const sourceKind = local ? ((await dataDirKind(platform.docStore)) ?? "replay") : "http";
        const run = await runValidation(platform, {
          from: options.from,
          to: options.to,
          configs: selected,
          remediation: { dataDir: options.dataDir, sourceFlags: await pipelineSourceFlags(platform.docStore) },
          triggeredBy: "manual",
          sourceKind,
        });
        const summary = validationSummary(run);
        io.stdout.write(options.json ? `${JSON.stringify(summary)}\n` : `Validation ${options.from} .. ${options.to}\n${humanSummary(summary).join("\n")}\n`);
        process.exitCode = summary.status === "fail" ? EXIT_FAILURE : EXIT_OK;
      } finally {
        await platform.close();
      }
    });
}
