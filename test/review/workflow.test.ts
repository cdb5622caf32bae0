import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse } from "yaml";
import { COMMENT_MARKER } from "../../infra/review";

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  id?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  "working-directory"?: string;
}
interface Workflow {
  on: { pull_request: { paths: string[]; types: string[] } };
  permissions: Record<string, string>;
  env: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
}

const ROOT = resolve(__dirname, "..", "..");
const workflow = parse(readFileSync(join(ROOT, ".github", "workflows", "plan-review.yml"), "utf8")) as Workflow;
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const stepIndex = (predicate: (s: Step) => boolean, what: string): number => {
  const index = steps.findIndex(predicate);
  if (index === -1) throw new Error(`no step ${what}`);
  return index;
};
const step = (predicate: (s: Step) => boolean, what: string): Step => steps[stepIndex(predicate, what)]!;
const reviewStep = step((s) => s.id === "review", "with id review");
const commentStep = step((s) => s.uses?.startsWith("actions/github-script@") === true, "using actions/github-script");
const gateStep = step((s) => s.if?.includes("steps.review.outputs.fail-on-high-exit-code") === true, "gated on the review's exit code");

describe("the plan-review workflow", () => {
  test("runs on pull requests touching infra/, runtime/catalog/ or configs/, and again when labels change", () => {
    expect(workflow.on.pull_request.paths).toEqual(["infra/**", "runtime/catalog/**", "configs/**"]);
    expect(workflow.on.pull_request.types).toEqual(expect.arrayContaining(["opened", "synchronize", "reopened", "labeled", "unlabeled"]));
  });

  test("may read the code and write pull-request comments, nothing else", () => {
    expect(workflow.permissions).toEqual({ contents: "read", "pull-requests": "write" });
  });

  test("checks out the head with full history and the base into base/", () => {
    expect(step((s) => s.uses?.startsWith("actions/checkout@") === true, "checkout").with).toMatchObject({ "fetch-depth": 0 });
    const base = step((s) => s.run?.includes("git worktree add") === true, "adding the base worktree");
    expect(base.run).toMatch(/git worktree add --detach base "\$BASE_SHA"/);
    expect(base.env?.BASE_SHA).toBe("${{ github.event.pull_request.base.sha }}");
  });

  test("sets up Node 20 with the npm cache and installs both trees", () => {
    expect(step((s) => s.uses?.startsWith("actions/setup-node@") === true, "setup-node").with).toMatchObject({ "node-version": 20, cache: "npm" });
    expect(steps.filter((s) => s.run === "npm ci").map((s) => s["working-directory"] ?? ".")).toEqual([".", "base"]);
  });

  test("synthesizes both the head and the base, with the version check disabled, before the review", () => {
    const synths = steps.flatMap((s, i) => (s.run === "npx cdktf synth" ? [[i, s["working-directory"] ?? "."] as const] : []));
    expect(synths.map(([, dir]) => dir)).toEqual([".", "base"]);
    expect(workflow.env.CHECKPOINT_DISABLE).toBe("1");
    const review = stepIndex((s) => s.id === "review", "review");
    for (const [index] of synths) expect(index).toBeLessThan(review);
  });

  test("reviews base/cdktf.out against cdktf.out as markdown, and keeps the exit code of a --fail-on high run", () => {
    expect(reviewStep.run).toContain("npx nba-props plan-review --base base/cdktf.out --head cdktf.out --format md --fail-on never > review.md");
    expect(reviewStep.run).toContain("npx nba-props plan-review --base base/cdktf.out --head cdktf.out --format json --fail-on high > review.json || status=$?");
    expect(reviewStep.run).toContain('echo "fail-on-high-exit-code=$status" >> "$GITHUB_OUTPUT"');
  });

  test("posts one comment, found again by the marker the markdown renderer writes", () => {
    const script = String(commentStep.with?.script);
    expect(script).toContain(`const marker = "${COMMENT_MARKER}";`);
    expect(script).toContain("updateComment");
    expect(script).toContain("createComment");
    expect(stepIndex((s) => s === commentStep, "comment")).toBeLessThan(stepIndex((s) => s === gateStep, "gate"));
  });

  test("fails on high risk unless the pull request has the acknowledgement label", () => {
    expect(workflow.env.ACK_LABEL).toBe("infra-risk-acknowledged");
    expect(gateStep.if).toBe("steps.review.outputs.fail-on-high-exit-code == '1' && !contains(github.event.pull_request.labels.*.name, env.ACK_LABEL)");
    expect(gateStep.run).toMatch(/exit 1\s*$/);
    expect(stepIndex((s) => s === gateStep, "gate")).toBe(steps.length - 1);
  });
});

describe("the comment script keeps a single comment", () => {
  interface Comment {
    id: number;
    body: string;
    user: { type: string };
  }
  async function runScript(existing: Comment[]): Promise<string[]> {
    const calls: string[] = [];
    const rest = {
      issues: {
        listComments: "listComments",
        updateComment: (args: { comment_id: number }) => {
          calls.push(`update ${args.comment_id}`);
          return Promise.resolve();
        },
        createComment: () => {
          calls.push("create");
          return Promise.resolve();
        },
      },
    };
    const github = { rest, paginate: () => Promise.resolve(existing) };
    const context = { repo: { owner: "o", repo: "r" }, issue: { number: 7 } };
    const fakeRequire = (name: string): unknown => {
      if (name !== "fs") throw new Error(`unexpected require ${name}`);
      return { readFileSync: () => `**Plan review: LOW RISK**\n${COMMENT_MARKER}\n` };
    };
    const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<void>;
    await new AsyncFunction("require", "github", "context", String(commentStep.with?.script))(fakeRequire, github, context);
    return calls;
  }

  test("updates the bot's comment carrying the marker", async () => {
    expect(await runScript([{ id: 1, body: "lgtm", user: { type: "User" } }, { id: 2, body: `old\n${COMMENT_MARKER}`, user: { type: "Bot" } }])).toEqual(["update 2"]);
  });

  test("creates one when there is none (a person quoting the marker does not count)", async () => {
    expect(await runScript([{ id: 1, body: `see ${COMMENT_MARKER}`, user: { type: "User" } }])).toEqual(["create"]);
  });
});

describe("the review step's shell script", () => {
  // Runs the step as GitHub would (bash -eo pipefail) in a scratch workspace, with `npx nba-props`
  // pointed at this checkout's CLI, on two tiny hand-written synthesized outputs.
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), "nba-props-workflow-"));
    const stack = (resources: object): string => JSON.stringify({ resource: resources });
    const labels = { app: "nba-props", env: "dev", owner: "tests", "cost-center": "tests" };
    const games = { table_id: "games", dataset_id: "nba_raw", time_partitioning: { type: "DAY", field: "game_date" }, require_partition_filter: true, labels };
    const table = { google_bigquery_table: { games } };
    for (const [dir, body] of [
      ["base/cdktf.out", stack(table)],
      ["cdktf.out", stack({})],
    ] as const) {
      mkdirSync(join(work, dir, "stacks", "nba-props-dev"), { recursive: true });
      writeFileSync(join(work, dir, "stacks", "nba-props-dev", "cdk.tf.json"), body);
    }
    mkdirSync(join(work, "shim"));
    writeFileSync(join(work, "shim", "npx"), `#!/bin/sh\n[ "$1" = nba-props ] || exit 127\nshift\nexec node ${JSON.stringify(join(ROOT, "bin", "nba-props.js"))} "$@"\n`);
    chmodSync(join(work, "shim", "npx"), 0o755);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  function runStep(script: string): { status: number | null; output: string } {
    const output = join(work, "github-output");
    writeFileSync(output, "");
    const result = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], {
      cwd: work,
      env: { ...process.env, PATH: `${join(work, "shim")}:${process.env.PATH ?? ""}`, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: join(work, "summary") },
      encoding: "utf8",
    });
    return { status: result.status, output: readFileSync(output, "utf8") };
  }

  test("a destroyed table: the step succeeds, records exit code 1 for the gate, and writes both reviews", () => {
    const { status, output } = runStep(String(reviewStep.run));
    expect(status).toBe(0);
    expect(output).toBe("fail-on-high-exit-code=1\n");
    expect(readFileSync(join(work, "review.md"), "utf8").split("\n")[0]).toMatch(/^\*\*Plan review: HIGH RISK\*\*/);
    expect(JSON.parse(readFileSync(join(work, "review.json"), "utf8"))).toEqual({
      verdict: "high",
      counts: { create: 0, update: 0, replace: 0, destroy: 1 },
      findings: [expect.objectContaining({ address: "nba-props-dev/google_bigquery_table.games", rule: "bigquery-data-deleted" })],
    });
  });
});
