import type { Finding, Review, Risk, Verdict } from "../types";
import { code, escapeText, plural } from "./markdown-text";
import { stackDetails } from "./stack-details";

/** Hidden marker the workflow looks for to update its one comment instead of adding another. */
export const COMMENT_MARKER = "<!-- nba-props-plan-review -->";

/** GitHub refuses comments over 65,536 characters; stay clear of it. */
export const MAX_COMMENT_LENGTH = 60000;
/** Findings listed per risk before the rest are counted. */
export const MAX_FINDINGS_LISTED = 100;

const VERDICT_TITLES: Readonly<Record<Verdict, string>> = { high: "HIGH RISK", medium: "MEDIUM RISK", low: "LOW RISK", "no-changes": "NO CHANGES" };

function verdictLine(review: Review): string {
  const title = `**Plan review: ${VERDICT_TITLES[review.verdict]}**`;
  const { create, update, replace, destroy } = review.counts;
  const changes = plural(create + update + replace + destroy, "change");
  const high = review.findings.filter((f) => f.risk === "high").length;
  const medium = review.findings.length - high;
  if (review.findings.length === 0) return review.verdict === "no-changes" ? `${title}: nothing to create, update, replace or destroy` : `${title}: ${changes}, none of them risky`;
  const counts = [high > 0 ? plural(high, "high-risk finding") : "", medium > 0 ? plural(medium, "medium-risk finding") : ""].filter((s) => s !== "").join(" and ");
  const about = review.highlights.map((h) => `${h.count} ${h.label}`).join(", ");
  return `${title}: ${counts} in ${changes} (${escapeText(about)})`;
}

function countsTable(review: Review): string[] {
  const row = (name: string, c: Review["counts"]): string => `| ${name} | ${c.create} | ${c.update} | ${c.replace} | ${c.destroy} |`;
  return [
    "| stack | create | update | replace | destroy |",
    "|---|---:|---:|---:|---:|",
    ...review.stacks.map((s) => row(escapeText(s.name), s.counts)),
    row("**total**", review.counts),
  ];
}

function findingLine(f: Finding): string {
  return `- ${code(f.address)}: ${escapeText(f.reason)} _(${escapeText(f.rule)})_`;
}

function findingSection(review: Review, risk: Risk, heading: string): string[] {
  const findings = review.findings.filter((f) => f.risk === risk);
  if (findings.length === 0) return [];
  const listed = findings.slice(0, MAX_FINDINGS_LISTED).map(findingLine);
  const rest = findings.length - listed.length;
  return [`### ${heading}`, "", ...listed, ...(rest > 0 ? [`- … and ${rest} more (run with --format json for all)`] : []), ""];
}

/**
 * A pull-request comment: the verdict on the first line, counts, high-risk findings, then medium,
 * then each stack's changes collapsed. Stacks whose details do not fit are summarized instead.
 */
export function renderMarkdown(review: Review, maxLength: number = MAX_COMMENT_LENGTH): string {
  const head = [verdictLine(review), "", ...countsTable(review), "", ...findingSection(review, "high", "High risk"), ...findingSection(review, "medium", "Medium risk")].join("\n");
  const footer = `\n${COMMENT_MARKER}\n`;
  let body = head;
  const left: string[] = [];
  for (const stack of review.stacks) {
    const details = `\n${stackDetails(stack)}\n`;
    if (left.length === 0 && body.length + details.length + footer.length <= maxLength) body += details;
    else left.push(stack.name);
  }
  if (left.length > 0) body += `\nDetails of ${left.map(escapeText).join(", ")} are too long for a comment; run \`nba-props plan-review\` locally to see them.\n`;
  return body + footer;
}
