import { isObject, type JsonObject } from "../policy";

/** What a plan shows for a value Terraform learns only while applying. */
export const UNKNOWN_AFTER_APPLY = "(known after apply)";
/** What replaces a value a plan marks sensitive, so a review never prints a secret. */
export const SENSITIVE_VALUE = "(sensitive)";

/**
 * Meta-arguments and CDKTF bookkeeping that are not attributes of the resource: "//" holds the
 * construct path and policy suppressions, which Terraform ignores.
 */
const NOT_ATTRIBUTES = new Set(["//", "depends_on", "provider", "count", "for_each", "provisioner", "connection"]);

/**
 * One shape for synthesized JSON and plan values, so the two compare equal when they describe the
 * same resource: null and empty lists are absent (a plan writes an unset block as `[]`, a synth
 * omits it) and a list holding exactly one object is that object (a plan writes every nested block
 * as a list; CDKTF writes a single block as an object).
 */
export function normalizeValue(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) {
    const items = value.map(normalizeValue).filter((v) => v !== undefined);
    if (items.length === 0) return undefined;
    const only = items[0];
    return items.length === 1 && isObject(only) ? only : items;
  }
  if (isObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (key === "//") continue;
      const normalized = normalizeValue(v);
      if (normalized !== undefined) out[key] = normalized;
    }
    return out;
  }
  return value;
}

/** A resource body's attributes, normalized, without meta-arguments. */
export function normalizeAttributes(body: unknown): JsonObject {
  if (!isObject(body)) return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (NOT_ATTRIBUTES.has(key)) continue;
    const normalized = normalizeValue(value);
    if (normalized !== undefined) out[key] = normalized;
  }
  return out;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) if (!deepEqual(a[key], b[key])) return false;
    return true;
  }
  return false;
}

/** The value at a dotted path of nested objects (`time_partitioning.field`), or undefined. */
export function valueAt(attributes: JsonObject | undefined, path: string): unknown {
  let current: unknown = attributes;
  for (const key of path.split(".")) {
    if (!isObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** `a.b[0].c` from path steps. */
export function formatPath(steps: readonly (string | number)[]): string {
  return steps.reduce<string>((path, step) => (typeof step === "number" ? `${path}[${step}]` : path === "" ? step : `${path}.${step}`), "");
}

/**
 * Writes `replacement` into `value` wherever `markers` (a plan's after_unknown or *_sensitive
 * object, same shape as the value with `true` leaves) says so. Works on the raw plan shape,
 * before normalization, so list indexes still line up.
 */
export function overlayMarkers(value: unknown, markers: unknown, replacement: string): unknown {
  if (markers === true) return replacement;
  if (Array.isArray(markers)) {
    const items: unknown[] = Array.isArray(value) ? [...(value as unknown[])] : [];
    markers.forEach((marker, i) => {
      items[i] = overlayMarkers(items[i], marker, replacement);
    });
    return items;
  }
  if (isObject(markers)) {
    const out: Record<string, unknown> = isObject(value) ? { ...value } : {};
    for (const [key, marker] of Object.entries(markers)) out[key] = overlayMarkers(out[key], marker, replacement);
    return out;
  }
  return value;
}
