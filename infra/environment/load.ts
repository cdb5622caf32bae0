import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { describeConfigIssue } from "../../runtime/domain/config-issue";
import { allowedKeys, describeKey, environmentSchema, type EnvironmentConfig } from "./schema";
import { ConfigError } from "../../runtime/domain/config-error";

/** An environment file that does not parse or does not fit the schema; the message lists every problem. */
export class EnvironmentConfigError extends ConfigError {
  readonly code = "ENVIRONMENT_CONFIG";
  constructor(source: string, problems: readonly string[]) {
    super(source, problems, "environment file");
  }
}

/** Validates an already-parsed environment object; `source` names it in errors. */
export function parseEnvironment(input: unknown, source = "environment"): EnvironmentConfig {
  const result = environmentSchema.safeParse(input);
  if (!result.success) throw new EnvironmentConfigError(source, result.error.issues.map((issue) => describeConfigIssue(issue, input, { allowedKeys, describeKey })));
  return result.data;
}

/** Reads and validates `configs/environments/<env>.yaml`. */
export function loadEnvironmentFile(path: string): EnvironmentConfig {
  const text = readFileSync(path, "utf8");
  let parsed: unknown;
  try {
    parsed = parseYaml(text);
  } catch (err) {
    throw new EnvironmentConfigError(path, [`not valid YAML: ${err instanceof Error ? err.message : String(err)}`]);
  }
  return parseEnvironment(parsed, path);
}
