import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkSynthOutput, loadSynthesizedStacks, policyRules, runPolicyChecks, stackFromJson, SynthOutputMissingError, type Rule } from "../../infra/policy";

const tinyStack = {
  resource: {
    google_pubsub_topic: { t: { name: "t", labels: { app: "a", env: "dev", owner: "o", "cost-center": "c" } } },
    google_service_account: { sa: { account_id: "runner" } },
  },
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "nba-props-policy-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function writeStack(name: string, json: unknown, withManifest = true): void {
  mkdirSync(join(dir, "stacks", name), { recursive: true });
  writeFileSync(join(dir, "stacks", name, "cdk.tf.json"), JSON.stringify(json));
  if (withManifest) writeFileSync(join(dir, "manifest.json"), JSON.stringify({ stacks: { [name]: { synthesizedStackPath: `stacks/${name}/cdk.tf.json` } } }));
}

describe("policy engine", () => {
  test("a rule that throws is an error-level violation naming the rule and the error", () => {
    const broken: Rule = {
      id: "broken-rule",
      severity: "warning",
      description: "always throws",
      explanation: "to test the engine",
      check: () => {
        throw new Error("cannot read property of undefined");
      },
    };
    const report = runPolicyChecks([stackFromJson("s", tinyStack)], [broken]);
    expect(report.violations).toEqual([{ rule: "broken-rule", severity: "error", resource: "s", message: expect.stringContaining("cannot read property of undefined") }]);
  });

  test("findings become violations with the rule's severity and resource addresses <stack>/<type>.<name>", () => {
    const report = runPolicyChecks([stackFromJson("s", tinyStack)], policyRules);
    expect(report.violations).toEqual([{ rule: "pubsub-topic-has-subscription", severity: "error", resource: "s/google_pubsub_topic.t", message: expect.any(String) }]);
    expect(report.rules).toBe(policyRules.length);
    expect(report.resources).toBe(2);
  });

  test("a warning-level finding is reported but the stack still has no errors", () => {
    const warn: Rule = { id: "warn", severity: "warning", description: "d", explanation: "e", check: (s) => ({ status: "non_compliant", findings: [{ resource: s.name, message: "m" }] }) };
    expect(runPolicyChecks([stackFromJson("s", tinyStack)], [warn]).violations).toEqual([{ rule: "warn", severity: "warning", resource: "s", message: "m" }]);
  });

  test("malformed synthesized JSON is an error, not a pass", () => {
    expect(() => stackFromJson("s", { resource: { google_pubsub_topic: ["not", "an", "object"] } })).toThrow(/google_pubsub_topic/);
  });
});

describe("loading cdktf.out", () => {
  test("a missing directory is a setup error that says to synthesize", () => {
    expect(() => loadSynthesizedStacks(join(dir, "nope"))).toThrow(SynthOutputMissingError);
    expect(() => loadSynthesizedStacks(join(dir, "nope"))).toThrow(/run npx cdktf synth first/);
  });

  test("an empty directory is a setup error too", () => {
    expect(() => checkSynthOutput(dir)).toThrow(SynthOutputMissingError);
  });

  test("stacks are found through manifest.json, or by scanning stacks/ without one", () => {
    writeStack("a", tinyStack);
    expect(loadSynthesizedStacks(dir).map((s) => s.name)).toEqual(["a"]);
    rmSync(join(dir, "manifest.json"));
    writeStack("b", tinyStack, false);
    expect(loadSynthesizedStacks(dir).map((s) => s.name).sort()).toEqual(["a", "b"]);
  });

  test("a stack file that is not JSON is reported with its path", () => {
    writeStack("a", tinyStack);
    writeFileSync(join(dir, "stacks", "a", "cdk.tf.json"), "{ nope");
    expect(() => loadSynthesizedStacks(dir)).toThrow(/cdk\.tf\.json: not valid JSON/);
  });
});
