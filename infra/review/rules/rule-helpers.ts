import type { JsonObject } from "../../policy";
import type { Finding, ResourceChange, ReviewRule } from "../types";

export function finding(rule: Pick<ReviewRule, "id" | "risk">, change: ResourceChange, reason: string): Finding {
  return { risk: rule.risk, address: change.address, kind: change.type, reason, rule: rule.id };
}

/** Both sides of an update or replace (a create or destroy has only one). */
export function bothSides(change: ResourceChange): { before: JsonObject; after: JsonObject } | undefined {
  if (change.action !== "update" && change.action !== "replace") return undefined;
  return change.before && change.after ? { before: change.before, after: change.after } : undefined;
}

const REFERENCE = /^\$\{.*\}$/;

/** A literal string attribute (not a `${...}` reference), from after or before. */
export function literal(change: ResourceChange, key: string): string | undefined {
  for (const attributes of [change.after, change.before]) {
    const value = attributes?.[key];
    if (typeof value === "string" && value !== "" && !REFERENCE.test(value)) return value;
  }
  return undefined;
}

/** What a reader calls the resource: its literal name attribute when it has one, else its Terraform name. */
export function resourceName(change: ResourceChange, ...keys: readonly string[]): string {
  for (const key of [...keys, "name"]) {
    const value = literal(change, key);
    if (value !== undefined) return value;
  }
  return change.name;
}

/** " (because a, b)" for a replace, "" otherwise. */
export function becauseOf(change: ResourceChange): string {
  return change.replacedBecause.length > 0 ? ` (because ${change.replacedBecause.join(", ")} changes)` : "";
}

/** Seconds of a Google duration string ("604800s", "600.5s"); undefined for anything else. */
export function durationSeconds(value: unknown): number | undefined {
  if (typeof value !== "string") return undefined;
  const match = /^(\d+(?:\.\d+)?)s$/.exec(value.trim());
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** "7 days", "10 minutes", "90 s": durations said the way a reviewer reads them. */
export function describeSeconds(seconds: number): string {
  const units: [number, string][] = [
    [86400, "day"],
    [3600, "hour"],
    [60, "minute"],
  ];
  for (const [size, unit] of units) {
    if (seconds >= size && seconds % size === 0) {
      const n = seconds / size;
      return `${n} ${unit}${n === 1 ? "" : "s"}`;
    }
  }
  return `${seconds} s`;
}

/** Compact, one-line rendering of a value for a reason. */
export function show(value: unknown): string {
  if (value === undefined) return "unset";
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return `[${value.join(", ")}]`;
  return JSON.stringify(value);
}

