/** Longest value shown in a diff before it is cut (schemas and policy documents run to kilobytes). */
export const MAX_VALUE_LENGTH = 120;

const oneLine = (value: unknown): string => (value === undefined ? "(unset)" : (typeof value === "string" ? value : JSON.stringify(value)).replace(/\r?\n/g, "\\n"));
const cut = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Context kept before the first difference when two long values are shown from there. */
const CONTEXT = 30;

/**
 * Both sides of a change, each at most `max` characters. Two long values that share a long
 * beginning (a filter, a policy document) are shown from shortly before where they differ, so the
 * difference is not cut off.
 */
export function formatChange(before: unknown, after: unknown, max: number = MAX_VALUE_LENGTH): [string, string] {
  const a = oneLine(before);
  const b = oneLine(after);
  if ((a.length <= max && b.length <= max) || before === undefined || after === undefined) return [cut(a, max), cut(b, max)];
  let same = 0;
  while (same < a.length && same < b.length && a[same] === b[same]) same++;
  const from = Math.max(0, same - CONTEXT);
  const show = (text: string): string => cut(`${from > 0 ? "…" : ""}${text.slice(from)}`, max);
  return [show(a), show(b)];
}

/** An inline code span that survives backticks inside the text. */
export function code(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Free text in a comment: no raw HTML, so a resource name cannot open a tag. */
export function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}
