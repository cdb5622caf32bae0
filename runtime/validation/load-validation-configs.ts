import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { parse as parseYaml } from "yaml";
import { describeConfigIssue } from "../domain/config-issue";
import { tableConfigSchema, type CheckSpec, type TableConfig } from "./check-spec";
import { REMEDIATION_PLACEHOLDERS, unknownPlaceholders } from "./remediation";
import { ConfigError } from "../domain/config-error";

/** Where the shipped configs live: `configs/validation/<dataset>/<table>.yaml`. */
export const VALIDATION_CONFIG_DIR = join(__dirname, "..", "..", "configs", "validation");

export interface LoadedTableConfig {
  readonly file: string;
  readonly config: TableConfig;
}

/** A config that does not parse or does not fit the schema; the message names the file and every bad key. */
export class ValidationConfigError extends ConfigError {
  readonly code = "VALIDATION_CONFIG";
  constructor(file: string, problems: readonly string[]) {
    super(file, problems, "validation config");
  }
}

function where(path: readonly PropertyKey[], input: unknown): string {
  const parts: string[] = [];
  let current: unknown = input;
  for (const key of path) {
    // A check is named by its key, which is easier to find in the file than its index.
    const item = current !== null && typeof current === "object" ? (current as Record<PropertyKey, unknown>)[key] : undefined;
    const named = typeof key === "number" && item !== null && typeof item === "object" ? (item as { key?: unknown }).key : undefined;
    parts.push(typeof key === "number" ? `[${key}${typeof named === "string" ? ` ${named}` : ""}]` : `${parts.length > 0 ? "." : ""}${String(key)}`);
    current = item;
  }
  return parts.length > 0 ? parts.join("") : "(top level)";
}

/** Rules one key alone cannot express (which of two keys must be present). */
function checkProblems(check: CheckSpec): string[] {
  const problems = unknownPlaceholders(check.remediation ?? "").map((u) => `remediation: unknown placeholder {${u}}`);
  switch (check.kind) {
    case "rows_per_group":
    case "value_bounds":
      if (check.min === undefined && check.max === undefined) problems.push("min: give min, max or both");
      break;
    case "allowed_values":
      if ((check.values === undefined) === (check.values_from === undefined)) problems.push("values: give exactly one of values and values_from");
      break;
    case "completeness":
      if (check.reference === "schedule_team_games" && !check.team_column) problems.push("team_column: required with reference schedule_team_games");
      break;
    default:
  }
  return problems;
}

/** Validates one parsed config; `file` names it in errors. The table must match the file's place. */
export function parseTableConfig(input: unknown, file: string): TableConfig {
  const result = tableConfigSchema.safeParse(input);
  if (!result.success) throw new ValidationConfigError(file, result.error.issues.map((issue) => describeConfigIssue(issue, input, { where, showReceived: false })));
  const config = result.data;
  const expected = `${basename(dirname(file))}.${basename(file).replace(/\.ya?ml$/, "")}`;
  const problems: string[] = [];
  if (config.table !== expected) problems.push(`table: "${config.table}" does not match the file's place (expected ${expected})`);
  const seen = new Set<string>();
  for (const unknown of unknownPlaceholders(config.remediation)) problems.push(`remediation: unknown placeholder {${unknown}}; allowed: ${REMEDIATION_PLACEHOLDERS.join(", ")}`);
  for (const check of config.checks) {
    if (seen.has(check.key)) problems.push(`checks: key ${check.key} is used twice`);
    seen.add(check.key);
    problems.push(...checkProblems(check).map((p) => `checks[${check.key}].${p}`));
  }
  if (problems.length > 0) throw new ValidationConfigError(file, problems);
  return config;
}

export function loadTableConfigFile(file: string): LoadedTableConfig {
  let parsed: unknown;
  try {
    parsed = parseYaml(readFileSync(file, "utf8"));
  } catch (err) {
    throw new ValidationConfigError(file, [`not valid YAML: ${err instanceof Error ? err.message : String(err)}`]);
  }
  return { file, config: parseTableConfig(parsed, file) };
}

/** Every `<dataset>/<table>.yaml` under `dir`, parsed strictly; the first bad file throws. */
export function loadValidationConfigs(dir: string = VALIDATION_CONFIG_DIR): LoadedTableConfig[] {
  const out: LoadedTableConfig[] = [];
  for (const dataset of readdirSync(dir).sort()) {
    const datasetDir = join(dir, dataset);
    if (!statSync(datasetDir).isDirectory()) throw new ValidationConfigError(relative(process.cwd(), datasetDir), ["expected a dataset folder holding <table>.yaml files"]);
    for (const name of readdirSync(datasetDir).sort()) {
      if (!/\.ya?ml$/.test(name)) continue;
      out.push(loadTableConfigFile(join(datasetDir, name)));
    }
  }
  return out;
}
