import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Command } from "commander";
import type { CliIo } from "../cli-io";
import { EXIT_FAILURE, EXIT_OK, UsageError } from "../exit-codes";

function drillList(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-assignment -- drills load only when listed or run (runtime/cli/commands/index.ts)
  const { drills }: typeof import("../../drills") = require("../../drills");
  return drills.length === 0 ? "(none yet)" : drills.map((d) => `  ${d.name.padEnd(24)} ${d.description}`).join("\n");
}

export function registerDrillCommand(program: Command, io: CliIo): void {
  program
    .command("drill")
    .description("Run a named failure drill end to end on the embedded adapters with a simulated clock, and print what it measured.")
    .argument("<name>", "the drill to run (see the list below)")
    .option("--json", "print the drill's measurements as one JSON object")
    .addHelpText("after", () => `\nDrills:\n${drillList()}\n\nExit 0 when the drill passed, 1 when it did not, 2 for an unknown drill.`)
    .action(async (name: string, options: { json?: boolean }) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-assignment -- drills load only when listed or run (runtime/cli/commands/index.ts)
      const { drills }: typeof import("../../drills") = require("../../drills");
      // eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-assignment -- drills load only when listed or run (runtime/cli/commands/index.ts)
      const { drillResultSchema }: typeof import("../../drills/drill") = require("../../drills/drill");
      const drill = drills.find((d) => d.name === name);
      if (!drill) throw new UsageError(`unknown drill "${name}"; known drills:\n${drillList()}`);
      const workDir = mkdtempSync(join(tmpdir(), `nba-props-drill-${name}-`));
      try {
        const result = drillResultSchema.parse(await drill.run({ workDir }));
        if (options.json) io.stdout.write(`${JSON.stringify(result)}\n`);
        else {
          io.stdout.write(`drill ${result.drill}: ${result.passed ? "PASSED" : "FAILED"}\n`);
          for (const [key, value] of Object.entries(result)) {
            if (key !== "drill" && key !== "passed") io.stdout.write(`  ${key}: ${JSON.stringify(value)}\n`);
          }
        }
        process.exitCode = result.passed ? EXIT_OK : EXIT_FAILURE;
      } finally {
        rmSync(workDir, { recursive: true, force: true });
      }
    });
}
