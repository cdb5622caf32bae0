import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CapturedCli } from "../support/cli";
import { testEnvironment } from "../infra/support/environments";
import { mustGet, synthToTemp, type Synthesized } from "../infra/support/synth";
import { applyEdits, withTopic } from "./support/catalog-variants";
import { mutatedCopy } from "./support/review-fixtures";

// One stack keeps the CLI tests fast; the per-stack behaviour is covered in synthesized-review.
const environments = [testEnvironment()];
const DEV = "nba-props-dev";
const FIXTURE = join(__dirname, "fixtures", "plan-nba-props-dev.json");

let base: Synthesized;
let topicAdded: Synthesized;
let tableDestroyed: { dir: string; cleanup(): void };
let scratch: string;

beforeAll(() => {
  base = synthToTemp({ environments });
  topicAdded = synthToTemp({ environments, catalog: applyEdits([withTopic("nba-phase7-extra", "phase-orchestrator", "phase-orchestrator")]) });
  tableDestroyed = mutatedCopy(base, (stacks) => {
    delete mustGet(stacks, DEV).resource.google_bigquery_table?.["nba_raw--nbac_play_by_play"];
  });
});
afterAll(() => {
  base.cleanup();
  topicAdded.cleanup();
  tableDestroyed.cleanup();
});

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), "nba-props-review-cli-"));
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

const cli = new CapturedCli(["plan-review"]);
const run = (...args: string[]): Promise<number> => cli.run(...args);

describe("nba-props plan-review --fail-on", () => {
  test("high: exits 1 when a table would be destroyed", async () => {
    expect(await run("--base", base.dir, "--head", tableDestroyed.dir, "--fail-on", "high")).toBe(1);
    expect(cli.stdout.split("\n")[0]).toMatch(/^\*\*Plan review: HIGH RISK\*\*/);
    expect(cli.stdout).toContain("nba-props-dev/google_bigquery_table.nba_raw--nbac_play_by_play");
  });

  test("high: exits 0 when a topic is only added (a low-risk change)", async () => {
    expect(await run("--base", base.dir, "--head", topicAdded.dir, "--fail-on", "high", "--format", "json")).toBe(0);
    const review = JSON.parse(cli.stdout) as { verdict: string; counts: Record<string, number>; findings: unknown[] };
    expect(review.verdict).toBe("low");
    expect(review.findings).toEqual([]);
    expect(review.counts.create).toBeGreaterThan(0);
    expect(review.counts).toMatchObject({ update: expect.any(Number), replace: 0, destroy: 0 });
  });

  test("high is the default; never always exits 0", async () => {
    expect(await run("--base", base.dir, "--head", tableDestroyed.dir)).toBe(1);
    expect(await run("--base", base.dir, "--head", tableDestroyed.dir, "--fail-on", "never")).toBe(0);
  });

  test("medium: exits 1 on a medium finding too", async () => {
    const medium = mutatedCopy(base, (stacks) => {
      delete mustGet(stacks, "nba-props-dev").resource.google_monitoring_alert_policy?.["oldest-unacked-message"];
    });
    try {
      expect(await run("--base", base.dir, "--head", medium.dir, "--fail-on", "high")).toBe(0);
      expect(await run("--base", base.dir, "--head", medium.dir, "--fail-on", "medium")).toBe(1);
    } finally {
      medium.cleanup();
    }
  });
});

describe("nba-props plan-review --format json", () => {
  test("prints exactly {verdict, counts, findings}", async () => {
    expect(await run("--base", base.dir, "--head", tableDestroyed.dir, "--format", "json")).toBe(1);
    const review = JSON.parse(cli.stdout) as Record<string, unknown>;
    expect(Object.keys(review)).toEqual(["verdict", "counts", "findings"]);
    expect(Object.keys(review.counts as object)).toEqual(["create", "update", "replace", "destroy"]);
    expect(review.findings).toEqual([
      {
        risk: "high",
        address: "nba-props-dev/google_bigquery_table.nba_raw--nbac_play_by_play",
        kind: "google_bigquery_table",
        reason: "table nbac_play_by_play is destroyed with all its data",
        rule: "bigquery-data-deleted",
      },
    ]);
  });

  test("an identical pair is no-changes with no findings", async () => {
    expect(await run("--base", base.dir, "--head", base.dir, "--format", "json")).toBe(0);
    expect(JSON.parse(cli.stdout)).toEqual({ verdict: "no-changes", counts: { create: 0, update: 0, replace: 0, destroy: 0 }, findings: [] });
  });
});

describe("nba-props plan-review --plan", () => {
  test("reviews a recorded plan (the same classification), with or without --base", async () => {
    // The test environments deploy to other projects than the plan's, so the stack is named.
    expect(await run("--head", base.dir, "--plan", FIXTURE, "--stack", "nba-props-dev", "--format", "json")).toBe(1);
    const review = JSON.parse(cli.stdout) as { counts: unknown; findings: { address: string; rule: string }[] };
    expect(review.counts).toEqual({ create: 1, update: 3, replace: 1, destroy: 1 });
    expect(review.findings).toContainEqual(expect.objectContaining({ address: "nba-props-dev/google_bigquery_table.nba_raw--nbac_play_by_play", rule: "bigquery-data-deleted" }));
    expect(await run("--base", base.dir, "--head", base.dir, "--plan", FIXTURE)).toBe(1);
    expect(cli.stdout).toContain("<summary>nba-props-dev (from the recorded plan): 1 to create, 3 to update, 1 to replace, 1 to destroy</summary>");
  });

  test("a file that is not a plan is a usage error naming the field", async () => {
    const bad = join(scratch, "plan.json");
    writeFileSync(bad, JSON.stringify({ format_version: "1.2", planned_values: {}, resource_changes: [{ address: "x", mode: "managed", type: "t", name: "n" }] }));
    expect(await run("--base", base.dir, "--head", base.dir, "--plan", bad)).toBe(2);
    expect(cli.stderr).toContain(`${bad} is not a terraform show -json plan: resource_changes[0].change:`);
  });

  test("a --stack the head does not have is a usage error", async () => {
    expect(await run("--head", base.dir, "--plan", FIXTURE, "--stack", "nba-props-qa")).toBe(2);
    expect(cli.stderr).toContain("--stack nba-props-qa is not a stack of the head (have nba-props-dev)");
  });
});

describe("bad input is a usage error (exit 2)", () => {
  test("a missing or empty directory says which flag and to synthesize", async () => {
    expect(await run("--base", join(scratch, "missing"), "--head", base.dir)).toBe(2);
    expect(cli.stderr).toContain("--base: ");
    expect(cli.stderr).toContain("run npx cdktf synth first");
    expect(await run("--base", base.dir, "--head", scratch)).toBe(2);
    expect(cli.stderr).toContain("--head: ");
  });

  test("an unknown --format or --fail-on, or neither --base nor --plan", async () => {
    expect(await run("--base", base.dir, "--head", base.dir, "--format", "html")).toBe(2);
    expect(cli.stderr).toContain('--format must be md or json, got "html"');
    expect(await run("--base", base.dir, "--head", base.dir, "--fail-on", "low")).toBe(2);
    expect(cli.stderr).toContain("--fail-on must be high, medium or never");
    expect(await run("--head", base.dir)).toBe(2);
    expect(cli.stderr).toContain("--base is required unless --plan is given");
  });

  test("--head is required", async () => {
    expect(await run("--base", base.dir)).toBe(2);
    expect(cli.stderr).toContain("--head");
  });
});
