import type { z } from "zod";

/** What a config's schema can add to an issue: how to name a place, its allowed keys, what a key is for. */
export interface ConfigIssueHints {
  /** How a path is shown (default: dotted keys, "(top level)" for the root). */
  readonly where?: (path: readonly PropertyKey[], input: unknown) => string;
  /** Keys allowed where an unknown key was found, listed after it. */
  readonly allowedKeys?: (path: readonly PropertyKey[]) => readonly string[];
  /** What a missing required key is for, shown after it. */
  readonly describeKey?: (path: readonly PropertyKey[]) => string | undefined;
  /** Show the value received (and "required key is missing" when there is none); default true. */
  readonly showReceived?: boolean;
}

export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

const dotted = (path: readonly PropertyKey[]): string => (path.length > 0 ? path.map(String).join(".") : "(top level)");

/** One zod issue of a config file as a line an operator can act on: the key, what is wrong, what was there. */
export function describeConfigIssue(issue: z.core.$ZodIssue, input: unknown, hints: ConfigIssueHints = {}): string {
  const where = hints.where ? hints.where(issue.path, input) : dotted(issue.path);
  if (issue.code === "unrecognized_keys") {
    const prefix = issue.path.length > 0 ? `${where}.` : "";
    const allowed = hints.allowedKeys ? `; allowed keys: ${hints.allowedKeys(issue.path).join(", ")}` : "";
    return issue.keys.map((key) => `${prefix}${key}: unknown key${allowed}`).join("\n  ");
  }
  if (hints.showReceived === false) return `${where}: ${issue.message}`;
  const received = valueAt(input, issue.path);
  if (received === undefined && issue.code === "invalid_type") {
    const purpose = hints.describeKey?.(issue.path);
    return `${where}: required key is missing${purpose ? ` (${purpose})` : ""}`;
  }
  return `${where}: ${issue.message} (received ${received === undefined ? "nothing" : JSON.stringify(received)})`;
}
