import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { synthStacks, type BuildAppOptions } from "../../../infra/app";
import { loadSynthesizedStacks, type SynthesizedStack } from "../../../infra/policy";

/** A resource block of synthesized Terraform JSON, loosely typed for assertions and mutations. */
export type Block = Record<string, unknown>;
export interface TerraformJson {
  resource: Record<string, Record<string, Block>>;
  data?: Record<string, Record<string, Block>>;
  [key: string]: unknown;
}

export interface Synthesized {
  readonly dir: string;
  readonly stackNames: readonly string[];
  readonly json: ReadonlyMap<string, TerraformJson>;
  readonly stacks: ReadonlyMap<string, SynthesizedStack>;
  cleanup(): void;
}

/** Synthesizes into a fresh temp dir (once per test file, in beforeAll). */
export function synthToTemp(options: Omit<BuildAppOptions, "outdir"> = {}): Synthesized {
  const dir = mkdtempSync(join(tmpdir(), "nba-props-infra-test-"));
  const { stacks: stackNames } = synthStacks({ ...options, outdir: dir });
  const json = new Map<string, TerraformJson>();
  for (const name of stackNames) {
    json.set(name, JSON.parse(readFileSync(join(dir, "stacks", name, "cdk.tf.json"), "utf8")) as TerraformJson);
  }
  const stacks = new Map(loadSynthesizedStacks(dir).map((s) => [s.name, s]));
  return { dir, stackNames, json, stacks, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function mustGet<K, V>(map: ReadonlyMap<K, V>, key: K): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`missing ${String(key)}`);
  return value;
}

/** All resources of a type (empty object when the stack declares none). */
export function resourcesOf(tf: TerraformJson, type: string): Record<string, Block> {
  return tf.resource[type] ?? {};
}

/** One resource; throws with the names that do exist, so a failing test says what is there. */
export function resourceOf(tf: TerraformJson, type: string, name: string): Block {
  const found = resourcesOf(tf, type)[name];
  if (!found) throw new Error(`no ${type}.${name}; have ${Object.keys(resourcesOf(tf, type)).join(", ")}`);
  return found;
}

/** Resource bodies of a type, without their names. */
export function bodiesOf(tf: TerraformJson, type: string): Block[] {
  return Object.values(resourcesOf(tf, type));
}

export const ref = (type: string, name: string, attribute: string): string => `\${${type}.${name}.${attribute}}`;

export function deepCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
