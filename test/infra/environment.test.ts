import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadDefaultEnvironments } from "../../infra/app";
import { EnvironmentConfigError, loadEnvironmentFile, parseEnvironment } from "../../infra/environment/load";
import { REQUIRED_LABEL_KEYS } from "../../infra/environment/schema";
import { testEnvironment } from "./support/environments";

function problemsOf(input: unknown): readonly string[] {
  try {
    parseEnvironment(input, "env.yaml");
  } catch (err) {
    if (err instanceof EnvironmentConfigError) return err.problems;
    throw err;
  }
  throw new Error("expected the environment to be rejected");
}

const valid = {
  name: "dev",
  project: "nba-props-dev",
  region: "us-west2",
  bigqueryLocation: "us-west2",
  stateBucket: "nba-props-dev-tfstate",
  imageTag: "dev",
  alertRecipients: { emails: ["a@example.com"] },
  alertSmtp: { host: "smtp.example.com", user: "alerts", from: "alerts@example.com" },
  labels: { app: "nba-props", env: "dev", owner: "me", "cost-center": "cc" },
  budget: { billingAccount: "012345-6789AB-CDEF01", amount: 50 },
};

describe("environment files", () => {
  test("the shipped dev and prod files parse, with deletion protection only in prod", () => {
    const [dev, prod] = loadDefaultEnvironments();
    expect(dev).toMatchObject({ name: "dev", region: "us-west2", deletionProtection: false, statePrefix: "nba-props/dev" });
    expect(prod).toMatchObject({ name: "prod", region: "us-west2", deletionProtection: true, statePrefix: "nba-props/prod" });
    for (const env of [dev, prod]) for (const key of REQUIRED_LABEL_KEYS) expect(env?.labels[key]).toBeTruthy();
    expect(dev).toMatchObject({ firestorePointInTimeRecovery: false, budget: { currencyCode: "USD", amount: expect.any(Number) } });
    expect(prod).toMatchObject({ firestorePointInTimeRecovery: true, budget: { currencyCode: "USD", amount: expect.any(Number) } });
  });

  test("the budget takes a billing account id and a whole positive amount, and nothing else", () => {
    expect(problemsOf({ ...valid, budget: { billingAccount: "not-an-account", amount: 50 } })).toEqual([expect.stringMatching(/^budget\.billingAccount: .*012345-6789AB-CDEF01/)]);
    expect(problemsOf({ ...valid, budget: { billingAccount: "012345-6789AB-CDEF01", amount: -5 } })).toEqual([expect.stringMatching(/^budget\.amount: /)]);
    expect(problemsOf({ ...valid, budget: { billingAccount: "012345-6789AB-CDEF01", amount: 50, limit: 1 } })).toEqual([
      expect.stringMatching(/^budget\.limit: unknown key; allowed keys: billingAccount, amount, currencyCode, thresholds$/),
    ]);
  });

  test("defaults are applied and explicit values win", () => {
    expect(testEnvironment()).toMatchObject({ artifactRepository: "nba-props", firestoreLocation: "us-west2", deletionProtection: false });
    expect(testEnvironment({ deletionProtection: true, firestoreLocation: "nam5" })).toMatchObject({ deletionProtection: true, firestoreLocation: "nam5" });
  });

  test("an unknown key is an error that names the key and the allowed keys", () => {
    const problems = problemsOf({ ...valid, regoin: "us-west2" });
    expect(problems).toEqual([expect.stringMatching(/^regoin: unknown key; allowed keys: .*region/)]);
  });

  test("an unknown nested key is named with its path", () => {
    const problems = problemsOf({ ...valid, alertRecipients: { emails: ["a@example.com"], pager: "x" } });
    expect(problems).toEqual([expect.stringMatching(/^alertRecipients\.pager: unknown key; allowed keys: emails, slack$/)]);
  });

  test("a wrong value names the key, the value received and what is allowed", () => {
    const problems = problemsOf({ ...valid, region: "us-east1" });
    expect(problems).toEqual([expect.stringContaining('region: the platform runs in us-west2 (received "us-east1")')]);
  });

  test("a missing key says what it is for", () => {
    const { project: _omitted, ...withoutProject } = valid;
    expect(problemsOf(withoutProject)).toEqual([expect.stringMatching(/^project: required key is missing \(GCP project/)]);
  });

  test("required labels must be present and env must match the name", () => {
    const problems = problemsOf({ ...valid, labels: { app: "nba-props", env: "prod", owner: "me" } });
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringContaining('labels.cost-center: required label "cost-center" is missing'), expect.stringContaining('labels.env: label env must equal name "dev"')]),
    );
  });

  test("a Slack channel takes a secret name, never a token", () => {
    expect(testEnvironment({ alertRecipients: { emails: ["a@example.com"], slack: { channelName: "#alerts", authTokenSecret: "slack-token" } } }).alertRecipients.slack).toEqual({
      channelName: "#alerts",
      authTokenSecret: "slack-token",
    });
    expect(problemsOf({ ...valid, alertRecipients: { emails: ["a@example.com"], slack: { channelName: "#alerts", authToken: "xoxb-123" } } })).toEqual(
      expect.arrayContaining([expect.stringContaining("alertRecipients.slack.authToken: unknown key")]),
    );
  });

  test("a file that is not YAML is reported with its path", () => {
    const dir = mkdtempSync(join(tmpdir(), "nba-props-env-"));
    try {
      const path = join(dir, "bad.yaml");
      writeFileSync(path, "name: [dev\n");
      expect(() => loadEnvironmentFile(path)).toThrow(/bad\.yaml[\s\S]*not valid YAML/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
