import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { Option, type Command } from "commander";
import { z } from "zod";
import { dateRange, etDate } from "../../domain/et-date";
import { resolveDate } from "../../domain/resolve-date";
import { openLocalPlatform } from "../../platform/local/local-platform";
import { runLocalPipeline, type PipelineReport, type PipelineRun } from "../../orchestration/local-pipeline";
import { ReplaySource } from "../../scrapers/sources/replay-source";
import { SimSource } from "../../scrapers/sources/sim-source";
import type { CliIo } from "../cli-io";
import { EXIT_FAILURE, EXIT_OK, UsageError } from "../exit-codes";
import { formatTable } from "../format-table";
import { errorMessage } from "../../domain/error-message";
import { loadValidationConfigs } from "../../validation/load-validation-configs";
import { recordPipelineSource } from "../../validation/pipeline-source";
import { humanSummary } from "../../validation/validation-summary";

/** Longest range one invocation may cover; longer backfills are split by the operator or the backfill job. */
const MAX_DAYS = 400;
export const DEFAULT_DATA_DIR = ".nba-props";
export const DEFAULT_SEED = 20250315;

const optionsSchema = z.strictObject({
  date: z.string(),
  to: z.string().optional(),
  source: z.enum(["sim", "replay"]),
  replayDir: z.string().optional(),
  dataDir: z.string().min(1),
  until: z.enum(["raw", "analytics"]),
  seed: z.string().regex(/^\d{1,9}$/, "expected a whole number"),
  json: z.boolean().optional(),
});

interface ResolvedOptions {
  readonly dates: string[];
  readonly source: "sim" | "replay";
  readonly replayDir: string | null;
  readonly dataDir: string;
  readonly until: "raw" | "analytics";
  readonly seed: number;
  readonly json: boolean;
}

function resolveOptions(raw: unknown, now: Date): ResolvedOptions {
  const parsed = optionsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const flag = `--${String(issue?.path[0] ?? "?").replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    throw new UsageError(`${flag}: ${issue?.message ?? "invalid"}`);
  }
  const o = parsed.data;
  const dateOf = (flag: string, value: string): string => {
    try {
      return resolveDate(value, now);
    } catch (err) {
      throw new UsageError(`${flag}: ${errorMessage(err)}`);
    }
  };
  const from = dateOf("--date", o.date);
  const to = o.to === undefined ? from : dateOf("--to", o.to);
  if (to < from) throw new UsageError(`--to ${to} is before --date ${from}`);
  const dates = dateRange(from, to);
  if (dates.length > MAX_DAYS) throw new UsageError(`--date ${from} --to ${to} covers ${dates.length} days; at most ${MAX_DAYS} per run`);
  if (o.source === "replay") {
    if (!o.replayDir) throw new UsageError("--source replay needs --replay-dir DIR (a folder laid out as <scraper>/<key>/*.json[.gz])");
    if (!existsSync(o.replayDir) || !statSync(o.replayDir).isDirectory()) throw new UsageError(`--replay-dir ${o.replayDir}: no such directory`);
  } else if (o.replayDir) {
    throw new UsageError("--replay-dir is only used with --source replay");
  }
  return {
    dates,
    source: o.source,
    replayDir: o.replayDir ? resolve(o.replayDir) : null,
    dataDir: resolve(o.dataDir),
    until: o.until,
    seed: Number(o.seed),
    json: o.json ?? false,
  };
}

const PHASE_TITLES: Readonly<Record<string, string>> = {
  phase_1_scrapers: "Phase 1: scrapers",
  phase_2_raw: "Phase 2: raw",
  phase_3_analytics: "Phase 3: analytics",
};

function isFailure(run: PipelineRun): boolean {
  return run.status === "failed" || run.status === "blocked";
}

function humanReport(report: PipelineReport): string {
  const out: string[] = [`Pipeline for ${report.dates.length === 1 ? report.dates[0] : `${report.dates[0]} .. ${report.dates.at(-1)} (${report.dates.length} days)`}`];
  for (const phase of Object.keys(PHASE_TITLES)) {
    const runs = report.runs.filter((r) => r.phase === phase);
    if (runs.length === 0) continue;
    out.push("", PHASE_TITLES[phase] ?? phase);
    out.push(
      formatTable(
        ["processor", "scope", "status", "rows written", "quarantined", "ms"],
        runs.map((r) => [r.processor, r.scope, r.empty_reason ? `${r.status} (${r.empty_reason})` : r.status, String(r.rows_written), String(r.rows_quarantined), String(r.duration_ms)]),
      ),
    );
  }
  const failures = report.runs.filter(isFailure);
  if (failures.length > 0) {
    out.push("", `${failures.length} run(s) did not succeed:`);
    for (const f of failures) out.push(`  ${f.processor} ${f.scope} ${f.status}: ${f.error_message ?? ""}`);
  }
  if (report.validation) out.push("", "Validation (each phase's tables after the phase)", ...humanSummary(report.validation));
  out.push("", `warehouse statements: ${report.warehouse_statements}`);
  return out.join("\n");
}

export function registerPipelineCommand(program: Command, io: CliIo): void {
  program
    .command("pipeline")
    .description("Run the phases in order (scrapers, raw, analytics) for ET game dates on the embedded local platform.")
    .requiredOption("--date <date>", "first ET game date: YYYY-MM-DD, TODAY, YESTERDAY or TOMORROW")
    .option("--to <date>", "last ET game date of a range (inclusive)")
    .addOption(new Option("--source <source>", "where payloads come from").choices(["sim", "replay"]).default("sim"))
    .option("--replay-dir <dir>", "captured payloads laid out as <scraper>/<key>/*.json[.gz] (with --source replay)")
    .option("--data-dir <dir>", "where the local warehouse, documents and payloads live", DEFAULT_DATA_DIR)
    .addOption(new Option("--until <phase>", "last phase to run").choices(["raw", "analytics"]).default("analytics"))
    .option("--seed <n>", "seed of the sim source (same seed, same data)", String(DEFAULT_SEED))
    .option("--json", "print the run summary as JSON")
    .addHelpText(
      "after",
      `
Each phase's tables are validated after the phase (see nba-props validate --help).
Exit codes: 0 all runs succeeded or had nothing to do and validation passed or warned, 1 a run failed or was
blocked or validation failed, 2 usage error.
JSON: {"dates":[...],"runs":[{"phase","processor","scope","status","rows_written","rows_quarantined","duration_ms"}],"warehouse_statements":N,
       "validation":{"status","tables":[...]}} (validation as in nba-props validate --json)
Examples:
  nba-props pipeline --date 2025-03-15
  nba-props pipeline --date 2025-03-15 --source replay --replay-dir ../shared/nba-samples --json`,
    )
    .action(async (raw: Record<string, unknown>) => {
      const now = new Date();
      const options = resolveOptions(raw, now);
      const source = options.source === "replay" && options.replayDir ? new ReplaySource(options.replayDir) : new SimSource(options.seed, etDate(now));
      const configs = loadValidationConfigs();
      // How this data dir is fed, so a validation remediation command repeats it exactly.
      const sourceFlags = options.source === "replay" && options.replayDir ? ["--source", "replay", "--replay-dir", options.replayDir] : ["--source", "sim", "--seed", String(options.seed)];
      const platform = await openLocalPlatform({ dataDir: options.dataDir, alertStream: io.stderr });
      const interactive = io.stderr.isTTY === true && !options.json;
      let report: PipelineReport;
      try {
        await recordPipelineSource(platform.docStore, sourceFlags, now);
        report = await runLocalPipeline(platform, {
          dates: options.dates,
          validation: { configs, remediation: { dataDir: options.dataDir, sourceFlags } },
          source,
          until: options.until,
          onProgress: interactive ? (m) => io.stderr.write(`\r\x1b[K${m}`) : undefined,
        });
      } finally {
        if (interactive) io.stderr.write("\r\x1b[K");
        await platform.close();
      }
      io.stdout.write(options.json ? `${JSON.stringify(report)}\n` : `${humanReport(report)}\n`);
      process.exitCode = report.runs.some(isFailure) || report.validation?.status === "fail" ? EXIT_FAILURE : EXIT_OK;
    });
}
