import { diffAttributes, normalizeAttributes, replacementCauses, type ResourceChange } from "../../../infra/review";

/** Hand-built changes for pure rule tests: attributes go through the same normalization as real ones. */
const base = (type: string, name: string) => ({ stack: "s", address: `s/${type}.${name}`, type, name, source: "synthesized" as const });

export function created(type: string, after: Record<string, unknown>, name = "r"): ResourceChange {
  return { ...base(type, name), action: "create", attributeDiffs: [], after: normalizeAttributes(after), replacedBecause: [] };
}

export function destroyed(type: string, before: Record<string, unknown>, name = "r"): ResourceChange {
  return { ...base(type, name), action: "destroy", attributeDiffs: [], before: normalizeAttributes(before), replacedBecause: [] };
}

/** An update, or a replace when an attribute that forces replacement changes. */
export function changed(type: string, before: Record<string, unknown>, after: Record<string, unknown>, name = "r"): ResourceChange {
  const from = normalizeAttributes(before);
  const to = normalizeAttributes(after);
  const causes = replacementCauses(type, from, to);
  return { ...base(type, name), action: causes.length > 0 ? "replace" : "update", attributeDiffs: diffAttributes(from, to), before: from, after: to, replacedBecause: causes };
}

export const schema = (...columns: [string, string, string?][]): string => JSON.stringify(columns.map(([name, type, mode]) => ({ name, type, mode: mode ?? "NULLABLE", description: "" })));
