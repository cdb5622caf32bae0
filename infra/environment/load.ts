import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import type { z } from "zod";
import { allowedKeys, describeKey, environmentSchema, type EnvironmentConfig } from "./schema";

/** An environment file that does not parse or does not fit the schema; the message lists every problem. */
export class EnvironmentConfigError extends Error {
  readonly code = "ENVIRONMENT_CONFIG";
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`${source}: invalid environment file\n  ${problems.join("\n  ")}`);
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const where = issue.path.length > 0 ? issue.path.map(String).join(".") : "(top level)";
  if (issue.code === "unrecognized_keys") {
    const prefix = issue.path.length > 0 ? `${where}.` : "";
    const allowed = allowedKeys(issue.path);
    return issue.keys.map((key) => `${prefix}${key}: unknown key; allowed keys: ${allowed.join(", ")}`).join("\n  ");
  }
  const received = valueAt(input, issue.path);
  if (received === undefined && issue.code === "invalid_type") {
    const purpose = describeKey(issue.path);
    return `${where}: required key is missing${purpose ? ` (${purpose})` : ""}`;
  }
  const shown = received === undefined ? "nothing" : JSON.stringify(received);
  return `${where}: ${issue.message} (received ${shown})`;
}

/** Validates an already-parsed environment object; `source` names it in errors. */
export function parseEnvironment(input: unknown, source = "environment"): EnvironmentConfig {
  const result = environmentSchema.safeParse(input);
  if (!result.success) throw new EnvironmentConfigError(source, result.error.issues.map((issue) => describeIssue(issue, input)));
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
