import { join } from "node:path";
import { App } from "cdktf";
import { catalog as realCatalog, catalogProblems, type Catalog } from "../runtime/catalog";
import { loadEnvironmentFile } from "./environment/load";
import type { EnvironmentConfig } from "./environment/schema";
import { stackName } from "./stacks/context";
import { PlatformStack } from "./stacks/platform-stack";

export interface BuildAppOptions {
  /** Where `synth()` writes; defaults to what the cdktf CLI passes (CDKTF_OUTDIR) or "cdktf.out". */
  readonly outdir?: string;
  /** Defaults to the real catalog; tests and plan reviews pass a changed one. */
  readonly catalog?: Catalog;
  /** Defaults to configs/environments/dev.yaml and prod.yaml. */
  readonly environments?: readonly EnvironmentConfig[];
}

export const ENVIRONMENTS_DIR = join(__dirname, "..", "configs", "environments");

export function loadDefaultEnvironments(dir: string = ENVIRONMENTS_DIR): EnvironmentConfig[] {
  return ["dev", "prod"].map((name) => loadEnvironmentFile(join(dir, `${name}.yaml`)));
}

function checkEnvironments(environments: readonly EnvironmentConfig[]): void {
  if (environments.length === 0) throw new Error("no environment to build a stack for");
  const seen = new Map<string, string>();
  for (const env of environments) {
    for (const key of [`name ${env.name}`, `project ${env.project}`]) {
      const other = seen.get(key);
      if (other !== undefined) throw new Error(`environments ${other} and ${env.name} share the ${key}: each environment needs its own project`);
      seen.set(key, env.name);
    }
  }
}

/**
 * The whole infrastructure as a pure function of the catalog and the environments: one stack per
 * environment (nba-props-<env>). Throws on an inconsistent catalog instead of synthesizing it.
 */
export function buildApp(options: BuildAppOptions = {}): App {
  const catalog = options.catalog ?? realCatalog;
  const problems = catalogProblems(catalog);
  if (problems.length > 0) throw new Error(`the catalog is inconsistent:\n  ${problems.join("\n  ")}`);
  const environments = options.environments ?? loadDefaultEnvironments();
  checkEnvironments(environments);

  const app = new App(options.outdir === undefined ? {} : { outdir: options.outdir });
  for (const env of environments) new PlatformStack(app, { env, catalog });
  return app;
}

export interface SynthResult {
  readonly outdir: string;
  readonly stacks: readonly string[];
}

/** Builds and synthesizes into `outdir/stacks/<stack>/cdk.tf.json` plus `outdir/manifest.json`. */
export function synthStacks(options: BuildAppOptions = {}): SynthResult {
  const environments = options.environments ?? loadDefaultEnvironments();
  const app = buildApp({ ...options, environments });
  app.synth();
  return { outdir: app.outdir, stacks: environments.map(stackName) };
}
