import { UNKNOWN_AFTER_APPLY } from "../attributes";
import { compareSchemas, parseSchema } from "../bigquery-schema";
import type { AttributeDiff, ChangeAction, ResourceChange, StackReview } from "../types";
import { code, escapeText, formatChange } from "./markdown-text";

/** Attribute diffs listed per resource before the rest is summarized. */
export const MAX_DIFFS_PER_RESOURCE = 20;

const HEADINGS: Readonly<Record<ChangeAction, string>> = { create: "Created", update: "Updated", replace: "Replaced", destroy: "Destroyed" };
const ORDER: readonly ChangeAction[] = ["destroy", "replace", "update", "create"];

function groupByType(changes: readonly ResourceChange[]): Map<string, ResourceChange[]> {
  const groups = new Map<string, ResourceChange[]>();
  for (const c of changes) groups.set(c.type, [...(groups.get(c.type) ?? []), c]);
  return new Map([...groups.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

/** A table schema diff said as columns, not as two kilobyte-long JSON strings. */
function schemaLine(diff: AttributeDiff): string | undefined {
  const before = parseSchema(diff.before);
  const after = parseSchema(diff.after);
  if (!before || !after) return undefined;
  const c = compareSchemas(before, after);
  const parts = [
    c.removed.length > 0 ? `removed ${c.removed.map((x) => code(x.name)).join(", ")}` : "",
    c.retyped.length > 0 ? `retyped ${c.retyped.map((x) => `${code(x.name)} ${x.before} → ${x.after}`).join(", ")}` : "",
    c.modeChanged.length > 0 ? `mode ${c.modeChanged.map((x) => `${code(x.name)} ${x.before} → ${x.after}`).join(", ")}` : "",
    c.added.length > 0 ? `added ${c.added.map((x) => `${code(x.name)} (${x.type} ${x.mode})`).join(", ")}` : "",
  ].filter((p) => p !== "");
  return `  - ${code(diff.path)}: ${parts.length > 0 ? parts.join("; ") : "column descriptions or order change"}`;
}

function diffLine(diff: AttributeDiff): string {
  if (diff.path === "schema") {
    const line = schemaLine(diff);
    if (line) return line;
  }
  const [before, after] = formatChange(diff.before, diff.after);
  return `  - ${code(diff.path)}: ${code(before)} → ${code(after)}`;
}

function changedResourceLines(change: ResourceChange): string[] {
  const because = change.replacedBecause.length > 0 ? ` (replaced because ${escapeText(change.replacedBecause.join(", "))} changes)` : "";
  // Computed attributes a plan cannot know yet (ids, etags) are listed on one line, after what changes.
  const unknown = change.attributeDiffs.filter((d) => d.after === UNKNOWN_AFTER_APPLY);
  const known = change.attributeDiffs.filter((d) => d.after !== UNKNOWN_AFTER_APPLY);
  const shown = known.slice(0, MAX_DIFFS_PER_RESOURCE).map(diffLine);
  const hidden = known.length - shown.length;
  return [
    `- ${code(change.name)}${because}`,
    ...shown,
    ...(hidden > 0 ? [`  - … and ${hidden} more attributes`] : []),
    ...(unknown.length > 0 ? [`  - known after apply: ${unknown.map((d) => code(d.path)).join(", ")}`] : []),
    ...(change.attributeDiffs.length === 0 ? ["  - only sensitive values change"] : []),
  ];
}

function sectionLines(action: ChangeAction, changes: readonly ResourceChange[]): string[] {
  if (changes.length === 0) return [];
  const lines = [`**${HEADINGS[action]}**`, ""];
  for (const [type, group] of groupByType(changes)) {
    if (action === "create" || action === "destroy") {
      lines.push(`- ${code(type)} (${group.length}): ${group.map((c) => code(c.name)).join(", ")}`);
    } else {
      lines.push(`- ${code(type)} (${group.length})`, ...group.flatMap((c) => changedResourceLines(c).map((l) => `  ${l}`)));
    }
  }
  lines.push("");
  return lines;
}

/** One collapsed `<details>` block: the stack's changes grouped by action, then by resource type. */
export function stackDetails(stack: StackReview): string {
  const { create, update, replace, destroy } = stack.counts;
  const from = stack.source === "plan" ? "from the recorded plan" : "from the synthesized outputs";
  const summary = `${stack.name} (${from}): ${create} to create, ${update} to update, ${replace} to replace, ${destroy} to destroy`;
  const body = ORDER.flatMap((action) => sectionLines(action, stack.changes.filter((c) => c.action === action)));
  return ["<details>", `<summary>${escapeText(summary)}</summary>`, "", ...(body.length > 0 ? body : ["No changes.", ""]), "</details>"].join("\n");
}
