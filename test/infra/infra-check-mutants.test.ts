import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CapturedCli } from "../support/cli";
import { secondPassMutants } from "./support/second-pass-mutants";
import { deepCopy, mustGet, synthToTemp, type Synthesized } from "./support/synth";

// Each new rule's mutant, written as a synth output and run through the real command: the rule
// must make `nba-props infra check` fail on it, while the unmutated output passes.
const STACK = "nba-props-dev";
let synth: Synthesized;
let scratch: string;

beforeAll(() => {
  synth = synthToTemp();
  scratch = mkdtempSync(join(tmpdir(), "nba-props-mutants-"));
});
afterAll(() => {
  synth.cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

const cli = new CapturedCli(["infra", "check"]);

describe("nba-props infra check on the second pass's mutants", () => {
  test("the unmutated synth output passes", async () => {
    expect(await cli.run("--dir", synth.dir, "--json")).toBe(0);
  });

  test.each(secondPassMutants.map((m, i) => [m.rule.id, m.violation, m, i] as const))("%s fails the check on %s", async (_id, _violation, mutant, i) => {
    const tf = deepCopy(mustGet(synth.json, STACK));
    mutant.mutate(tf);
    const dir = join(scratch, `mutant-${i}`);
    mkdirSync(join(dir, "stacks", STACK), { recursive: true });
    writeFileSync(join(dir, "stacks", STACK, "cdk.tf.json"), JSON.stringify(tf));
    expect(await cli.run("--dir", dir, "--json")).toBe(1);
    const report = JSON.parse(cli.stdout) as { violations: { rule: string; resource: string }[] };
    expect(report.violations).toContainEqual(expect.objectContaining({ rule: mutant.rule.id, resource: `${STACK}/${mutant.resource}` }));
  });
});
