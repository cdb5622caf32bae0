import { resolve } from "node:path";
import type { Command } from "commander";
import { errorMessage } from "../../domain/error-message";
import { resolveDate } from "../../domain/resolve-date";
import type { DateStatus } from "../../orchestration/date-status";
import type { CliIo } from "../cli-io";
import { EXIT_OK, UsageError } from "../exit-codes";
import { formatTable } from "../format-table";
import { DEFAULT_DATA_DIR } from "../data-dir";

function humanStatus(s: DateStatus): string {
  const out: string[] = [`Status of ${s.date}`];
  for (const p of s.phases) {
    const t = p.transition;
    if (p.runs.length === 0 && (!t || t.state === "none") && p.validation.status === "none") continue;
    out.push("", p.phase);
    if (p.runs.length > 0) {
      out.push(formatTable(["processor", "scope", "status", "rows", "started"], p.runs.map((r) => [r.processor, r.scope, r.status, String(r.rows_written), r.started_at])));
    }
    if (t && t.state !== "none") {
      out.push(`  ${t.transition} (${t.mode ?? "?"}): ${t.state}; completed ${t.completions.map((c) => c.processor).join(", ") || "none"}${t.missing.length ? `; missing ${t.missing.join(", ")}` : ""}`);
      if (t.gate) out.push(`  gate ${t.gate.status} at ${t.gate.evaluated_at} (${t.gate.evaluations} evaluation(s)): ${t.gate.checks.map((c) => `${c.gate} ${c.passed ? "ok" : "FAILED"}`).join(", ")}`);
      for (const reason of t.blocked_reasons) out.push(`  blocked: ${reason}`);
      if (t.triggered_at) out.push(`  ${t.into} started at ${t.triggered_at} (${t.trigger_reason ?? "?"})`);
      if (t.override) out.push(`  overridden by ${t.override.by} at ${t.override.at}: ${t.override.reason}`);
    }
    const v = p.validation;
    out.push(`  validation: ${v.status}${v.checks ? ` (${v.checks} checks)` : ""}${v.error ? `: ${v.error}` : ""}`);
    for (const f of v.failed) out.push(`    ${f.blocking ? "BLOCKING " : ""}${f.processor}.${f.check} (${f.severity}): ${f.message ?? ""}`);
  }
  out.push("", s.open_alerts.length === 0 ? "No open alerts." : `${s.open_alerts.length} open alert(s):`);
  for (const a of s.open_alerts) out.push(`  ${a.kind} ${a.subject} since ${a.since}: ${a.message}`);
  return out.join("\n");
}

export function registerStatusCommand(program: Command, io: CliIo): void {
  program
    .command("status")
    .description("Everything known about one ET date: per phase runs, completions, gate results and blocked reasons, validation, open alerts.")
    .requiredOption("--date <date>", "ET game date: YYYY-MM-DD, TODAY, YESTERDAY or TOMORROW")
    .option("--data-dir <dir>", "the local data dir", DEFAULT_DATA_DIR)
    .option("--json", "print the status as JSON")
    .addHelpText(
      "after",
      `
JSON: {"date","phases":[{"phase","runs":[...],"transition":{"transition","into","mode","state","expected","completions","missing","gate","blocked_reasons","triggered_at","trigger_reason","override"}|null,"validation":{"status","checks","failed"}}],"open_alerts":[{"kind","since","subject","message"}]}
Exit codes: 0 reported, 2 usage error.`,
    )
    .action(async (options: { date: string; dataDir: string; json?: boolean }) => {
      let date: string;
      try {
        date = resolveDate(options.date, new Date());
      } catch (err) {
        throw new UsageError(`--date: ${errorMessage(err)}`);
      }
      /* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-assignment -- heavy modules load only when the command runs (runtime/cli/commands/index.ts) */
      const { dateStatus }: typeof import("../../orchestration/date-status") = require("../../orchestration/date-status");
      const { openLocalPlatform }: typeof import("../../platform/local/local-platform") = require("../../platform/local/local-platform");
      /* eslint-enable @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-assignment */
      const platform = await openLocalPlatform({ dataDir: resolve(options.dataDir), alertStream: io.stderr });
      try {
        const status = await dateStatus(platform, date);
        io.stdout.write(options.json ? `${JSON.stringify(status)}\n` : `${humanStatus(status)}\n`);
        process.exitCode = EXIT_OK;
      } finally {
        await platform.close();
      }
    });
}
