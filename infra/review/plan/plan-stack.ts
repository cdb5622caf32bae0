import { isObject, type SynthesizedStack } from "../../policy";
import type { TerraformPlan } from "./plan-schema";

/** The plan cannot be matched to one stack of the head; the message says what to pass. */
export class PlanStackError extends Error {
  readonly code = "PLAN_STACK";
}

function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

const LITERAL_PROJECT = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;

/** The GCP project a synthesized stack deploys to: its google_project data source, else its resources' literal `project`. */
export function stackProject(stack: SynthesizedStack): string | undefined {
  const fromData = stack.dataSources.find((d) => d.type === "google_project")?.body.project_id;
  if (typeof fromData === "string" && LITERAL_PROJECT.test(fromData)) return fromData;
  return mostCommon(stack.resources.flatMap((r) => (typeof r.body.project === "string" && LITERAL_PROJECT.test(r.body.project) ? [r.body.project] : [])));
}

/** The project a plan was made for: its google provider configuration, else its resources' `project`. */
export function planProject(plan: TerraformPlan): string | undefined {
  const config = plan.configuration;
  if (isObject(config) && isObject(config.provider_config) && isObject(config.provider_config.google)) {
    const expressions = config.provider_config.google.expressions;
    const project = isObject(expressions) && isObject(expressions.project) ? expressions.project.constant_value : undefined;
    if (typeof project === "string") return project;
  }
  const projects = (plan.resource_changes ?? []).flatMap((rc) =>
    [rc.change.before, rc.change.after].flatMap((values) => (isObject(values) && typeof values.project === "string" ? [values.project] : [])),
  );
  return mostCommon(projects);
}

/**
 * Which stack of the head a plan belongs to (a plan covers one CDKTF stack): `explicit` when
 * given, the only stack when there is one, else the stack deploying to the plan's project.
 */
export function planStack(plan: TerraformPlan, heads: readonly SynthesizedStack[], explicit?: string): string {
  const names = heads.map((s) => s.name);
  if (explicit !== undefined) {
    if (!names.includes(explicit)) throw new PlanStackError(`--stack ${explicit} is not a stack of the head (have ${names.join(", ")})`);
    return explicit;
  }
  const only = heads.length === 1 ? heads[0] : undefined;
  if (only) return only.name;
  const project = planProject(plan);
  const matches = heads.filter((s) => project !== undefined && stackProject(s) === project);
  const match = matches.length === 1 ? matches[0] : undefined;
  if (match) return match.name;
  const seen = project === undefined ? "names no project" : `is for project ${project}, which ${matches.length === 0 ? "no" : "more than one"} stack deploys to`;
  throw new PlanStackError(`cannot tell which stack the plan belongs to: it ${seen}; pass --stack (one of ${names.join(", ")})`);
}
