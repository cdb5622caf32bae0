// Synthesizes every stack (the real catalog, dev and prod) N times in one process and prints
// JSON: { stacks, runs, ms: { min, median, max } }. Usage: npx tsx bench/synth.ts [--runs N]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { loadDefaultEnvironments, synthStacks } from "../infra/app";

function runsFromArgs(argv: readonly string[]): number {
  const at = argv.indexOf("--runs");
  if (at === -1) return 5;
  const value = Number(argv[at + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--runs must be a positive whole number, got ${String(argv[at + 1])}`);
  return value;
}

function main(): void {
  const runs = runsFromArgs(process.argv.slice(2));
  const environments = loadDefaultEnvironments();
  const root = mkdtempSync(join(tmpdir(), "nba-props-synth-bench-"));
  const times: number[] = [];
  let stacks: readonly string[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      stacks = synthStacks({ outdir: join(root, `run-${i}`), environments }).stacks;
      times.push(performance.now() - start);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  const sorted = [...times].sort((a, b) => a - b);
  const round = (n: number | undefined): number => Math.round((n ?? 0) * 10) / 10;
  const median = sorted.length % 2 === 1 ? sorted[(sorted.length - 1) / 2] : ((sorted[sorted.length / 2 - 1] ?? 0) + (sorted[sorted.length / 2] ?? 0)) / 2;
  process.stdout.write(`${JSON.stringify({ stacks, runs, ms: { min: round(sorted[0]), median: round(median), max: round(sorted[sorted.length - 1]) } })}\n`);
}

main();
