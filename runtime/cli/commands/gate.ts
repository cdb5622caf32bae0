import { resolve } from "node:path";
import type { Command } from "commander";
import type { Phase } from "../../catalog/types";
import { errorMessage } from "../../domain/error-message";
import { resolveDate } from "../../domain/resolve-date";
import type { CliIo } from "../cli-io";
import { EXIT_FAILURE, EXIT_OK, UsageError } from "../exit-codes";
import { DEFAULT_DATA_DIR } from "../data-dir";

/** `--phase N` names the phase the gate starts. */
const GATED_PHASES: Readonly<Record<string, Phase>> = { "3": "phase_3_analytics", "4": "phase_4_precompute", "5": "phase_5_predictions" };

interface OverrideOptions {
  readonly phase: string;
  readonly date: string;
  readonly reason: string;
  readonly by?: string;
  readonly dataDir: string;
  readonly json?: boolean;
}

export function registerGateCommands(program: Command, io: CliIo): void {
  const gate = program.command("gate").description("Phase gates: operator actions on a blocked transition.");
  gate
    .command("override")
    .description("Start a phase for a date although its gate blocks it; the override, its reason and who made it are recorded.")
    .requiredOption("--phase <n>", "the phase the gate starts: 3 (analytics), 4 (precompute) or 5 (predictions)")
    .requiredOption("--date <date>", "ET game date: YYYY-MM-DD, TODAY, YESTERDAY or TOMORROW")
    .requiredOption("--reason <text>", "why the gate may be skipped (recorded with the override)")
    .option("--by <name>", "who overrides (default: $USER)")
    .option("--data-dir <dir>", "the local data dir", DEFAULT_DATA_DIR)
    .option("--json", "print the recorded override as JSON")
    .addHelpText(
      "after",
      `
JSON: {"transition","game_date","phase","message_id","reason","by","at","missing_processors"}
Exit codes: 0 published and recorded, 1 refused (already started) or failed, 2 usage error.
Example:
  nba-props gate override --phase 4 --date 2025-03-15 --reason "validator false positive, see INC-12"`,
    )
    .action(async (options: OverrideOptions) => {
      const phase = GATED_PHASES[options.phase];
      if (!phase) throw new UsageError(`--phase: "${options.phase}" is not a gated phase; use 3, 4 or 5`);
      const reason = options.reason.trim();
      if (reason.length < 3) throw new UsageError("--reason: say why the gate may be skipped (it is recorded)");
      let gameDate: string;
      try {
        gameDate = resolveDate(options.date, new Date());
      } catch (err) {
        throw new UsageError(`--date: ${errorMessage(err)}`);
      }
      /* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-assignment -- heavy modules load only when the command runs (runtime/cli/commands/index.ts) */
      const { overrideGate }: typeof import("../../orchestration/gate-override") = require("../../orchestration/gate-override");
      const { localHealthProbe }: typeof import("../../orchestration/health-probe") = require("../../orchestration/health-probe");
      const { localPhaseStarter }: typeof import("../../orchestration/local-phase-starter") = require("../../orchestration/local-phase-starter");
      const { OrchestrationError }: typeof import("../../orchestration/orchestration-error") = require("../../orchestration/orchestration-error");
      const { openLocalPlatform }: typeof import("../../platform/local/local-platform") = require("../../platform/local/local-platform");
      const { dataDirKind }: typeof import("../../platform/local/data-dir-provenance") = require("../../platform/local/data-dir-provenance");
      /* eslint-enable @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-assignment */
      const platform = await openLocalPlatform({ dataDir: resolve(options.dataDir), alertStream: io.stderr });
      try {
        const by = options.by ?? process.env.USER ?? "operator";
        const sourceKind = (await dataDirKind(platform.docStore)) ?? "replay";
        const result = await overrideGate({ platform, health: localHealthProbe(platform), startPhase: localPhaseStarter(platform, sourceKind) }, { phase, gameDate, reason, by });
        io.stdout.write(
          options.json
            ? `${JSON.stringify(result)}\n`
            : `${result.phase} started for ${result.game_date} by override (${result.message_id}); recorded: "${result.reason}" by ${result.by} at ${result.at}${result.missing_processors.length ? `; still missing: ${result.missing_processors.join(", ")}` : ""}\n`,
        );
        process.exitCode = EXIT_OK;
      } catch (err) {
        if (!(err instanceof OrchestrationError)) throw err;
        io.stderr.write(`error: ${err.message}\n`);
        process.exitCode = EXIT_FAILURE;
      } finally {
        await platform.close();
      }
    });
}
