import { parseEnvironment } from "../../../infra/environment/load";
import type { EnvironmentConfig, EnvironmentInput } from "../../../infra/environment/schema";

const base: EnvironmentInput = {
  name: "dev",
  project: "nba-props-test-dev",
  region: "us-west2",
  bigqueryLocation: "us-west2",
  stateBucket: "nba-props-test-dev-tfstate",
  imageTag: "test",
  alertRecipients: { emails: ["alerts@example.com"] },
  alertSmtp: { host: "smtp.example.com", user: "alerts", from: "alerts@example.com" },
  budget: { billingAccount: "000000-000000-000000", amount: 100 },
  labels: { app: "nba-props", env: "dev", owner: "tests", "cost-center": "tests" },
};

/** A valid environment, parsed through the real schema, with `overrides` applied to the input. */
export function testEnvironment(overrides: Partial<EnvironmentInput> = {}): EnvironmentConfig {
  return parseEnvironment({ ...base, ...overrides }, "test environment");
}

export function testProdEnvironment(overrides: Partial<EnvironmentInput> = {}): EnvironmentConfig {
  return testEnvironment({
    name: "prod",
    project: "nba-props-test-prod",
    stateBucket: "nba-props-test-prod-tfstate",
    labels: { app: "nba-props", env: "prod", owner: "tests", "cost-center": "tests" },
    ...overrides,
  });
}
