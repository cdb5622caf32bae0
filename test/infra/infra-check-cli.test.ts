import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CliIo } from "../../runtime/cli/cli-io";
import { runCli } from "../../runtime/cli/main";
import { deepCopy, mustGet, synthToTemp, type Synthesized } from "./support/synth";

let synth: Synthesized;
let scratch: string;
let stdout: string;
let stderr: string;

beforeAll(() => {
  synth = synthToTemp();
});
afterAll(() => synth.cleanup());

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), "nba-props-cli-"));
  stdout = "";
  stderr = "";
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

const io: CliIo = {
  stdout: { write: (text: string) => (stdout += text) },
  stderr: { write: (text: string) => (stderr += text) },
};

async function run(...args: string[]): Promise<number> {
  return runCli(["infra", "check", ...args], io);
}

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
    expect(stdout).toMatch(/^0 violations in \d+ resources \(\d+ rules\)/);
  });

  test("--json prints exactly {violations, rules, resources}", async () => {
    expect(await run("--dir", synth.dir, "--json")).toBe(0);
    const report = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(["violations", "rules", "resources"]);
    expect(report).toEqual({ violations: [], rules: expect.any(Number), resources: expect.any(Number) });
    expect(report.resources).toBeGreaterThan(100);
  });

  test("exits 1 and lists the violation when an error-level rule fails", async () => {
    const dir = brokenCopy();
    expect(await run("--dir", dir, "--json")).toBe(1);
    const report = JSON.parse(stdout) as { violations: unknown[] };
    expect(report.violations).toContainEqual({
      rule: "pubsub-subscription-dead-letter-policy",
      severity: "error",
      resource: "nba-props-dev/google_pubsub_subscription.nba-phase1-scrapers-complete--raw-processors",
      message: "has no dead_letter_policy",
    });
  });

  test("human output is a table of violations", async () => {
    expect(await run("--dir", brokenCopy())).toBe(1);
    expect(stdout).toMatch(/SEVERITY\s+RULE\s+RESOURCE\s+MESSAGE/);
    expect(stdout).toMatch(/error\s+pubsub-subscription-dead-letter-policy\s+nba-props-dev\/google_pubsub_subscription\.nba-phase1-scrapers-complete--raw-processors\s+has no dead_letter_policy/);
  });

  test("a missing or empty directory is a usage error (exit 2) that says to synthesize", async () => {
    expect(await run("--dir", join(scratch, "missing"))).toBe(2);
    expect(stderr).toContain("run npx cdktf synth first");
    stderr = "";
    expect(await run("--dir", scratch)).toBe(2);
    expect(stderr).toContain("run npx cdktf synth first");
  });
});
