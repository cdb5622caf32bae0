import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadSynthesizedStacks } from "../../../infra/policy";
import { planReview, type Finding, type RecordedPlan, type ResourceChange, type Review } from "../../../infra/review";
import type { Synthesized, TerraformJson } from "../../infra/support/synth";

/** A copy of a synthesized output whose stacks' JSON `mutate` edits (for changes the catalog cannot express). */
export function mutatedCopy(from: Synthesized, mutate: (stacks: ReadonlyMap<string, TerraformJson>) => void): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), "nba-props-review-test-"));
  cpSync(from.dir, dir, { recursive: true });
  const stacks = new Map<string, TerraformJson>();
  for (const name of from.stackNames) stacks.set(name, JSON.parse(readFileSync(join(dir, "stacks", name, "cdk.tf.json"), "utf8")) as TerraformJson);
  mutate(stacks);
  for (const [name, json] of stacks) writeFileSync(join(dir, "stacks", name, "cdk.tf.json"), JSON.stringify(json));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Reviews two synthesized directories (and a plan) the way the CLI does, without the CLI. */
export function reviewDirs(baseDir: string, headDir: string, plan?: RecordedPlan): Review {
  return planReview({ base: loadSynthesizedStacks(baseDir), head: loadSynthesizedStacks(headDir), ...(plan ? { plan } : {}) });
}

export function changeAt(review: Review, address: string): ResourceChange {
  const found = review.stacks.flatMap((s) => s.changes).find((c) => c.address === address);
  if (!found) throw new Error(`no change at ${address}`);
  return found;
}

export function findingsAt(review: Review, address: string): Finding[] {
  return review.findings.filter((f) => f.address === address);
}

/** `rule:risk` of every finding at an address, sorted: what a classification assertion compares. */
export function rulesAt(review: Review, address: string): string[] {
  return findingsAt(review, address)
    .map((f) => `${f.rule}:${f.risk}`)
    .sort();
}
