import type { JsonObject } from "../policy";
import { deepEqual } from "./attributes";
import { diffAttributes } from "./attribute-diff";
import { replacementCauses } from "./replacement";
import type { ResourceState, StackState } from "./stack-state";
import type { ResourceChange } from "./types";

const EMPTY_STACK = (name: string): StackState => ({ name, resources: new Map() });

function change(stack: string, key: string, before: ResourceState | undefined, after: ResourceState | undefined): ResourceChange | undefined {
  const resource = after ?? before;
  if (!resource) return undefined;
  const base = { stack, address: `${stack}/${key}`, type: resource.type, name: resource.name, source: "synthesized" as const };
  if (!before) return { ...base, action: "create", attributeDiffs: [], after: resource.attributes, replacedBecause: [] };
  if (!after) return { ...base, action: "destroy", attributeDiffs: [], before: before.attributes, replacedBecause: [] };
  const from: JsonObject = before.attributes;
  const to: JsonObject = after.attributes;
  if (deepEqual(from, to)) return undefined;
  const causes = replacementCauses(resource.type, from, to);
  return {
    ...base,
    action: causes.length > 0 ? "replace" : "update",
    attributeDiffs: diffAttributes(from, to),
    before: from,
    after: to,
    replacedBecause: causes,
  };
}

/** What turning `base` into `head` does to one stack, by address. */
export function diffStack(base: StackState, head: StackState): ResourceChange[] {
  const keys = [...new Set([...base.resources.keys(), ...head.resources.keys()])].sort();
  return keys.flatMap((key) => change(head.name, key, base.resources.get(key), head.resources.get(key)) ?? []);
}

/**
 * Every change between two synthesized outputs, stack by stack (a stack only in `base` is
 * destroyed whole, one only in `head` is created whole). Pure: the caller loads the stacks.
 */
export function diffSynthesized(base: readonly StackState[], head: readonly StackState[]): Map<string, ResourceChange[]> {
  const names = [...new Set([...base.map((s) => s.name), ...head.map((s) => s.name)])].sort();
  const byName = (stacks: readonly StackState[], name: string): StackState => stacks.find((s) => s.name === name) ?? EMPTY_STACK(name);
  return new Map(names.map((name) => [name, diffStack(byName(base, name), byName(head, name))]));
}
