import type { JsonObject, SynthesizedStack } from "../policy";
import { normalizeAttributes } from "./attributes";

export interface ResourceState {
  readonly type: string;
  readonly name: string;
  readonly attributes: JsonObject;
}

/** One stack as the review sees it: managed resources by `<type>.<name>`, attributes normalized. */
export interface StackState {
  readonly name: string;
  readonly resources: ReadonlyMap<string, ResourceState>;
}

/** Data sources are reads, never changes, so only `resource` blocks are kept. */
export function stackStateOf(stack: SynthesizedStack): StackState {
  const resources = new Map<string, ResourceState>();
  for (const r of stack.resources) resources.set(`${r.type}.${r.name}`, { type: r.type, name: r.name, attributes: normalizeAttributes(r.body) });
  return { name: stack.name, resources };
}
