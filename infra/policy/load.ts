import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { isObject, stackFromJson } from "./stack";
import type { SynthesizedStack } from "./types";

/** The synthesized output is missing or empty: a setup problem the user fixes by synthesizing. */
export class SynthOutputMissingError extends Error {
  readonly code = "SYNTH_OUTPUT_MISSING";
}

function stackPaths(dir: string): { name: string; path: string }[] {
  const manifestPath = join(dir, "manifest.json");
  if (existsSync(manifestPath)) {
    const manifest: unknown = JSON.parse(readFileSync(manifestPath, "utf8"));
    if (!isObject(manifest) || !isObject(manifest.stacks)) throw new Error(`${manifestPath}: no "stacks" object`);
    return Object.entries(manifest.stacks).map(([name, entry]) => {
      const relative = isObject(entry) && typeof entry.synthesizedStackPath === "string" ? entry.synthesizedStackPath : join("stacks", name, "cdk.tf.json");
      return { name, path: join(dir, relative) };
    });
  }
  const stacksDir = join(dir, "stacks");
  if (!existsSync(stacksDir)) return [];
  return readdirSync(stacksDir)
    .filter((name) => statSync(join(stacksDir, name)).isDirectory())
    .map((name) => ({ name, path: join(stacksDir, name, "cdk.tf.json") }))
    .filter((s) => existsSync(s.path));
}

/** Reads every stack of a `cdktf synth` output directory (`<dir>/stacks/<stack>/cdk.tf.json`). */
export function loadSynthesizedStacks(dir: string): SynthesizedStack[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new SynthOutputMissingError(`${dir} does not exist: run npx cdktf synth first (or pass --dir)`);
  }
  const paths = stackPaths(dir);
  if (paths.length === 0) throw new SynthOutputMissingError(`${dir} holds no synthesized stack: run npx cdktf synth first (or pass --dir)`);
  return paths.map(({ name, path }) => {
    if (!existsSync(path)) throw new SynthOutputMissingError(`${path} is listed in the manifest but missing: run npx cdktf synth again`);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, "utf8"));
    } catch (err) {
      throw new Error(`${path}: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
    }
    return stackFromJson(name, json);
  });
}
