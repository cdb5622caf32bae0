import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CapturedCli } from "../support/cli";
import { deepCopy, mustGet, synthToTemp, type Synthesized } from "./support/synth";

let synth: Synthesized;
let scratch: string;

beforeAll(() => {
  synth = synthToTemp();
});
afterAll(() => synth.cleanup());

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), "nba-props-cli-"));
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

const cli = new CapturedCli(["infra", "check"]);
const run = (...args: string[]): Promise<number> => cli.run(...args);

/** A copy of the real synth output whose first phase subscription lost its dead-letter policy. */
function brokenCopy(): string {
  const tf = deepCopy(mustGet(synth.json, "nba-props-dev"));
  const subs = tf.resource.google_pubsub_subscription ?? {};
  delete subs["nba-phase1-scrapers-complete--raw-processors"]?.dead_letter_policy;
  mkdirSync(join(scratch, "stacks", "nba-props-dev"), { recursive: true });
  writeFileSync(join(scratch, "stacks", "nba-props-dev", "cdk.tf.json"), JSON.stringify(tf));
  return scratch;
}

describe("nba-props infra check", () => {
  test("reports zero violations on the real synth output and exits 0", async () => {
    expect(await run("--dir", synth.dir)).toBe(0);
    expect(cli.stdout).toMatch(/^0 violations in \d+ resources \(\d+ rules\)/);
  });

  test("--json prints exactly {violations, rules, resources}", async () => {
    expect(await run("--dir", synth.dir, "--json")).toBe(0);
    const report = JSON.parse(cli.stdout) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(["violations", "rules", "resources"]);
    expect(report).toEqual({ violations: [], rules: expect.any(Number), resources: expect.any(Number) });
    expect(report.resources).toBeGreaterThan(100);
  });

  test("exits 1 and lists the violation when an error-level rule fails", async () => {
    const dir = brokenCopy();
    expect(await run("--dir", dir, "--json")).toBe(1);
    const report = JSON.parse(cli.stdout) as { violations: unknown[] };
    expect(report.violations).toContainEqual({
      rule: "pubsub-subscription-dead-letter-policy",
      severity: "error",
      resource: "nba-props-dev/google_pubsub_subscription.nba-phase1-scrapers-complete--raw-processors",
      message: "has no dead_letter_policy",
    });
  });

  test("human output is a table of violations", async () => {
    expect(await run("--dir", brokenCopy())).toBe(1);
    expect(cli.stdout).toMatch(/SEVERITY\s+RULE\s+RESOURCE\s+MESSAGE/);
    expect(cli.stdout).toMatch(/error\s+pubsub-subscription-dead-letter-policy\s+nba-props-dev\/google_pubsub_subscription\.nba-phase1-scrapers-complete--raw-processors\s+has no dead_letter_policy/);
  });

  test("a missing or empty directory is a usage error (exit 2) that says to synthesize", async () => {
    expect(await run("--dir", join(scratch, "missing"))).toBe(2);
    expect(cli.stderr).toContain("run npx cdktf synth first");
    expect(await run("--dir", scratch)).toBe(2);
    expect(cli.stderr).toContain("run npx cdktf synth first");
  });
});
