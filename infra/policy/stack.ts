import type { Finding, JsonObject, RuleResult, SynthesizedStack, TerraformResource } from "./types";

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function entries(stackName: string, section: unknown, prefix: string): TerraformResource[] {
  if (section === undefined) return [];
  if (!isObject(section)) throw new Error(`stack ${stackName}: "${prefix || "resource"}" is not an object`);
  const out: TerraformResource[] = [];
  for (const [type, byName] of Object.entries(section)) {
    if (!isObject(byName)) throw new Error(`stack ${stackName}: ${type} is not an object of resources`);
    for (const [name, body] of Object.entries(byName)) {
      if (!isObject(body)) throw new Error(`stack ${stackName}: ${type}.${name} is not an object`);
      out.push({ type, name, address: `${stackName}/${prefix}${type}.${name}`, body });
    }
  }
  return out;
}

/** Reads one stack's `cdk.tf.json`, guarding its shape (the file is input, not trusted). */
export function stackFromJson(name: string, json: unknown): SynthesizedStack {
  if (!isObject(json)) throw new Error(`stack ${name}: synthesized JSON is not an object`);
  return { name, resources: entries(name, json.resource, ""), dataSources: entries(name, json.data, "data.") };
}

export function resourcesOfType(stack: SynthesizedStack, type: string): TerraformResource[] {
  return stack.resources.filter((r) => r.type === type);
}

export function stringAt(body: JsonObject, key: string): string | undefined {
  const value = body[key];
  return typeof value === "string" ? value : undefined;
}

export function numberAt(body: JsonObject, key: string): number | undefined {
  const value = body[key];
  return typeof value === "number" ? value : undefined;
}

/** A nested block: cdktf writes single blocks as objects and repeated blocks as arrays. */
export function blocksAt(body: JsonObject, key: string): JsonObject[] {
  const value = body[key];
  if (Array.isArray(value)) return value.filter(isObject);
  return isObject(value) ? [value] : [];
}

export function blockAt(body: JsonObject, key: string): JsonObject | undefined {
  return blocksAt(body, key)[0];
}

export interface Reference {
  readonly type: string;
  readonly name: string;
  readonly attribute?: string;
}

const REFERENCE = /^\$\{((?:data\.)?[a-z0-9_]+)\.([A-Za-z0-9_-]+)(?:\.([A-Za-z0-9_.[\]]+))?\}$/;

/** Parses a whole-string Terraform reference such as `${google_pubsub_topic.x.id}`. */
export function parseReference(value: string): Reference | undefined {
  const match = REFERENCE.exec(value);
  if (!match || match[1] === undefined || match[2] === undefined) return undefined;
  return match[3] === undefined ? { type: match[1], name: match[2] } : { type: match[1], name: match[2], attribute: match[3] };
}

/**
 * The resource of `type` a value points at: a reference to it, its literal `name`, or a full
 * resource id ending in `/<name>` (e.g. projects/p/topics/t).
 */
export function resolveResource(stack: SynthesizedStack, value: unknown, type: string): TerraformResource | undefined {
  if (typeof value !== "string" || value === "") return undefined;
  const candidates = resourcesOfType(stack, type);
  const ref = parseReference(value);
  if (ref) return ref.type === type ? candidates.find((r) => r.name === ref.name) : undefined;
  return candidates.find((r) => {
    const name = stringAt(r.body, "name");
    return name !== undefined && (value === name || value.endsWith(`/${name}`));
  });
}

/** Every string inside a value, with the key it sits under (skips the "//" metadata block). */
export function* stringsIn(value: unknown, key = ""): Generator<{ key: string; value: string }> {
  if (typeof value === "string") {
    yield { key, value };
  } else if (Array.isArray(value)) {
    for (const item of value) yield* stringsIn(item, key);
  } else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) if (k !== "//") yield* stringsIn(v, k);
  }
}

/** Compliant when nothing was found, not applicable when there was nothing to look at. */
export function resultOf(findings: readonly Finding[], applicable: boolean): RuleResult {
  if (findings.length > 0) return { status: "non_compliant", findings };
  return applicable ? { status: "compliant" } : { status: "not_applicable" };
}
