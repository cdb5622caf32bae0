import { resolve } from "node:path";
import type { Command } from "commander";
import { z } from "zod";
import type { SweepReport } from "../../monitoring/stuck-sweeper";
import type { Backend } from "../../platform/open-platform";
import { backendOption, resolveBackend } from "../backend-option";
import type { CliIo } from "../cli-io";
import { EXIT_OK } from "../exit-codes";
import { formatTable } from "../format-table";
import { parseFlags } from "../parse-flags";

/** The pipeline's default data dir (kept here so registering this command loads nothing heavy). */
const DEFAULT_DATA_DIR = ".nba-props";

const sweepOptionsSchema = z.strictObject({
  backend: z.string().optional(),
  dataDir: z.string().min(1),
  republishLimit: z.string().regex(/^\d{1,2}$/, "expected a whole number from 0 to 99"),
  json: z.boolean().optional(),
});

function parseSweepOptions(raw: unknown): { backend: Backend; dataDir: string; republishLimit: number; json: boolean } {
  const o = parseFlags(sweepOptionsSchema, raw);
  return { backend: resolveBackend(o.backend), dataDir: resolve(o.dataDir), republishLimit: Number(o.republishLimit), json: o.json ?? false };
}

function humanReport(report: SweepReport): string {
  const lines = [`swept at ${report.swept_at}: ${report.running_runs} running run(s), ${report.running_heartbeats} running heartbeat(s)`];
  if (report.stuck.length === 0) lines.push("no stuck runs");
  else {
    lines.push(`${report.stuck.length} stuck run(s), recorded as failed and alerted:`);
    lines.push(
      formatTable(
        ["processor", "phase", "scope", "code", "idle s", "limit s", "republished", "run id"],
        report.stuck.map((s) => [s.processor_name, s.phase, s.scope, s.code, String(s.idle_seconds), String(s.limit_seconds), s.republished ? "yes" : "no", s.run_id]),
      ),
    );
  }
  for (const r of report.reconciled) lines.push(`heartbeat ${r.heartbeat_id} set to ${r.status} (its run ${r.run_id} had already ended)`);
  if (report.skipped_heartbeats.length > 0) lines.push(`not judged (unreadable heartbeat documents): ${report.skipped_heartbeats.join(", ")}`);
  return lines.join("\n");
}

export function registerMonitorCommand(program: Command, io: CliIo): void {
  const monitor = program.command("monitor").description("Run monitoring: heartbeats and stuck-run detection.");
  monitor
    .command("sweep")
    .description("Find dead runs (3 missed heartbeats) and stalled runs (no progress for the processor's declared limit); record each as failed (stuck_dead / stuck_stalled), alert once, and republish its trigger a bounded number of times.")
    .addOption(backendOption())
    .option("--data-dir <dir>", "the local data dir (with --backend local)", DEFAULT_DATA_DIR)
    .option("--republish-limit <n>", "republish a stuck scope's trigger at most this many times until it succeeds", "2")
    .option("--json", "print the sweep report as JSON")
    .addHelpText(
      "after",
      `
Exit codes: 0 the sweep ran (stuck runs it found are recorded and alerted), 1 it could not run, 2 usage error.
JSON: {"swept_at","running_runs","running_heartbeats","stuck":[{"run_id","processor_name","phase","scope","code","idle_seconds","limit_seconds","reason","republished"}],"reconciled":[...],"skipped_heartbeats":[...]}
The catalog schedules it every minute (stuck-run-sweep).`,
    )
    .action(async (raw: Record<string, unknown>) => {
      const options = parseSweepOptions(raw);
      // Loaded on demand so registering this command loads nothing heavy (see runtime/cli/commands/index.ts).
      /* eslint-disable @typescript-eslint/no-require-imports */
      const { openPlatform } = require("../../platform/open-platform") as typeof import("../../platform/open-platform");
      const { sweepStuckRuns } = require("../../monitoring/stuck-sweeper") as typeof import("../../monitoring/stuck-sweeper");
      /* eslint-enable @typescript-eslint/no-require-imports */
      const platform = await openPlatform({ backend: options.backend, dataDir: options.dataDir, alertStream: io.stderr });
      try {
        const report = await sweepStuckRuns(platform, { republishLimit: options.republishLimit });
        io.stdout.write(options.json ? `${JSON.stringify(report)}\n` : `${humanReport(report)}\n`);
        process.exitCode = EXIT_OK;
      } finally {
        await platform.close();
      }
    });
}
