import { isObject, type JsonObject } from "../policy";
import { deepEqual, formatPath } from "./attributes";
import type { AttributeDiff } from "./types";

const isScalarList = (value: unknown): boolean => Array.isArray(value) && value.every((item) => !isObject(item) && !Array.isArray(item));

function diffValues(before: unknown, after: unknown, steps: (string | number)[], out: AttributeDiff[]): void {
  if (deepEqual(before, after)) return;
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const key of keys) diffValues(before[key], after[key], [...steps, key], out);
    return;
  }
  // Lists of blocks are compared item by item; a list of plain values (clustering, args) is one value.
  if (Array.isArray(before) && Array.isArray(after) && !(isScalarList(before) && isScalarList(after))) {
    const length = Math.max(before.length, after.length);
    for (let i = 0; i < length; i++) diffValues(before[i], after[i], [...steps, i], out);
    return;
  }
  out.push({ path: formatPath(steps), before, after });
}

/** Every changed leaf between two normalized attribute sets, in path order. */
export function diffAttributes(before: JsonObject, after: JsonObject): AttributeDiff[] {
  const out: AttributeDiff[] = [];
  diffValues(before, after, [], out);
  return out;
}
