import type { Phase } from "../../catalog/types";
import { etDate } from "../../domain/et-date";
import { ownedHere, ownerIsGone } from "../../monitoring/run-owner";
import { runLocalPipeline, type PipelineReport } from "../../orchestration/local-pipeline";
import { claimDataDir } from "../../platform/local/data-dir-provenance";
import { openPlatform } from "../../platform/open-platform";
import type { ClosablePlatform } from "../../platform/platform";
import { ReplaySource } from "../../scrapers/sources/replay-source";
import { SimSource } from "../../scrapers/sources/sim-source";
import { loadValidationConfigs } from "../../validation/load-validation-configs";
import { recordPipelineSource } from "../../validation/pipeline-source";
import type { CliIo } from "../cli-io";
import { EXIT_FAILURE, EXIT_OK } from "../exit-codes";
import { SIGNAL_EXIT_CODES, watchInterruption } from "../interruption";
import type { PipelineCommandOptions } from "./pipeline-options";
import { pipelineProgress } from "./pipeline-progress";
import { humanReport, isFailure } from "./pipeline-summary";

async function closeInterrupted(platform: ClosablePlatform, signal: string): Promise<number> {
  const closed = await platform.ledger.closeRunning("interrupted", (run) => ownedHere(run), () => `stopped by ${signal} before the run finished; rerun the same command`);
  return closed.length;
}

/** `nba-props pipeline`: open the data dir, refuse a foreign source kind, run, report. Returns the exit code. */
export async function runPipelineCommand(options: PipelineCommandOptions, io: CliIo): Promise<number> {
  const now = new Date();
  const source = options.source === "replay" && options.replayDir ? new ReplaySource(options.replayDir) : new SimSource(options.seed, etDate(now));
  const configs = loadValidationConfigs();
  // How this data dir is fed, so a validation remediation command repeats it exactly.
  const sourceFlags = options.source === "replay" && options.replayDir ? ["--source", "replay", "--replay-dir", options.replayDir] : ["--source", "sim", "--seed", String(options.seed)];
  const platform = await openPlatform({ backend: options.backend, dataDir: options.dataDir, alertStream: io.stderr });
  const local = options.backend === "local";
  let report: PipelineReport;
  let signal: keyof typeof SIGNAL_EXIT_CODES | null = null;
  try {
    // A local data dir holds one source kind, and its dead owners are processes on this host.
    if (local) await claimDataDir(platform.docStore, options.dataDir, source.kind, now);
    await recordPipelineSource(platform.docStore, sourceFlags, now);
    const abandoned = await platform.ledger.closeRunning(
      "abandoned",
      (run) => local && ownerIsGone(run),
      (run) => `left running by process ${String(run.owner_pid ?? "unknown")} on ${String(run.owner_host ?? "unknown")}, which has gone; closed by process ${process.pid}`,
    );
    if (abandoned.length > 0) io.stderr.write(`Closed ${abandoned.length} run(s) left running by a process that has gone (failed, abandoned): see nba-props runs --status failed\n`);
    const phases: Phase[] = [
      "phase_1_scrapers",
      "phase_2_raw",
      ...(options.until !== "raw" ? (["phase_3_analytics"] as const) : []),
      ...(options.until === "precompute" ? (["phase_4_precompute"] as const) : []),
    ];
    const progress = pipelineProgress(io, options.dates.length, phases);
    const interruption = watchInterruption(io, "date", async (s) => {
      progress.stop();
      const n = await closeInterrupted(platform, s);
      io.stderr.write(`${s} again: stopped at once; ${n} unfinished run(s) recorded as failed (interrupted)\n`);
    });
    try {
      report = await runLocalPipeline(platform, {
        dates: options.dates,
        validation: { configs, remediation: { dataDir: options.dataDir, sourceFlags }, sourceKind: source.kind },
        source,
        until: options.until,
        analyticsBatchDates: options.analyticsBatch,
        shouldStop: () => interruption.signal() !== null,
        onEvent: (event) => progress.onEvent(event),
      });
    } finally {
      progress.stop();
      interruption.dispose();
    }
    signal = interruption.signal();
    if (signal) await closeInterrupted(platform, signal);
  } finally {
    await platform.close();
  }
  io.stdout.write(options.json ? `${JSON.stringify({ ...report, ...(signal ? { signal } : {}) })}\n` : `${humanReport(report, signal)}\n`);
  // A signal that arrived after the last date changed nothing: the run finished.
  if (signal && report.interrupted) return SIGNAL_EXIT_CODES[signal];
  return report.runs.some(isFailure) || report.validation?.status === "fail" ? EXIT_FAILURE : EXIT_OK;
}
