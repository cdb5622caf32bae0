import type { Command } from "commander";
import type { PolicyReport, Violation } from "../../../infra/policy";
import { processIo, type CliIo } from "../cli-io";
import { EXIT_FAILURE, EXIT_OK, UsageError } from "../exit-codes";
import { formatTable } from "../format-table";

interface InfraCheckOptions {
  readonly dir: string;
  readonly json?: boolean;
}

function table(violations: readonly Violation[]): string {
  return formatTable(
    ["SEVERITY", "RULE", "RESOURCE", "MESSAGE"],
    violations.map((v) => [v.severity, v.rule, v.resource, v.message]),
  );
}

function humanReport(report: PolicyReport): string {
  const summary = `${report.violations.length} violations in ${report.resources} resources (${report.rules} rules)`;
  const suppressed = report.suppressed.length > 0 ? `\n${report.suppressed.length} suppressed with a written reason (see the resource's "//".nba_policy in the synthesized JSON)` : "";
  if (report.violations.length === 0) return `${summary}${suppressed}\n`;
  return `${table(report.violations)}\n\n${summary}${suppressed}\n`;
}

function runInfraCheck(options: InfraCheckOptions, io: CliIo): void {
  // The policy engine loads only when the command runs: the runtime image carries no infra/.
  // eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-assignment -- see runtime/cli/commands/index.ts
  const { SynthOutputMissingError, checkSynthOutput, hasErrors }: typeof import("../../../infra/policy") = require("../../../infra/policy");
  let report: PolicyReport;
  try {
    report = checkSynthOutput(options.dir);
  } catch (err) {
    if (err instanceof SynthOutputMissingError) throw new UsageError(err.message);
    throw err;
  }
  if (options.json) {
    const json = {
      violations: report.violations.map((v) => ({ rule: v.rule, severity: v.severity, resource: v.resource, message: v.message })),
      rules: report.rules,
      resources: report.resources,
    };
    io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    io.stdout.write(humanReport(report));
  }
  process.exitCode = hasErrors(report) ? EXIT_FAILURE : EXIT_OK;
}

/** `nba-props infra check [--dir cdktf.out] [--json]`: policy checks over the synthesized stacks. */
export function registerInfraCommands(program: Command, io: CliIo = processIo): void {
  const infra = program.command("infra").description("Infrastructure declared by the CDKTF stacks in infra/.");
  infra
    .command("check")
    .description("Run the policy checks over synthesized stacks (run `npx cdktf synth` first); exits 1 on any error-level violation.")
    .option("--dir <dir>", "cdktf synth output directory", "cdktf.out")
    .option("--json", "print {violations, rules, resources} as JSON")
    .action((options: InfraCheckOptions) => runInfraCheck(options, io));
}
