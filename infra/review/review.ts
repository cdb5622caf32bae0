import type { Violation } from "../policy";
import { POLICY_RULE_PREFIX, policyFindings } from "./policy-findings";
import { reviewRules } from "./review-rules";
import type { ActionCounts, ChangeSource, Finding, ResourceChange, Review, ReviewRule, Risk, StackReview } from "./types";
import { CHANGE_ACTIONS } from "./types";
import { verdictOf } from "./verdict";

export interface StackChanges {
  readonly name: string;
  readonly source: ChangeSource;
  readonly changes: readonly ResourceChange[];
}

export interface ReviewInput {
  readonly stacks: readonly StackChanges[];
  /** The policy engine's violations of the head. */
  readonly policyViolations: readonly Violation[];
  readonly rules?: readonly ReviewRule[];
}

export function countActions(changes: readonly ResourceChange[]): ActionCounts {
  const counts = { create: 0, update: 0, replace: 0, destroy: 0 };
  for (const change of changes) counts[change.action] += 1;
  return counts;
}

/** A rule that throws has not judged the change: that is reported, never skipped. */
function runRule(rule: ReviewRule, change: ResourceChange): readonly Finding[] {
  try {
    return rule.check(change);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return [{ risk: "high", address: change.address, kind: change.type, reason: `rule ${rule.id} failed to run: ${message}`, rule: rule.id }];
  }
}

const RISK_ORDER: Readonly<Record<Risk, number>> = { high: 0, medium: 1 };

function byRiskThenAddress(a: Finding, b: Finding): number {
  return RISK_ORDER[a.risk] - RISK_ORDER[b.risk] || a.address.localeCompare(b.address) || a.rule.localeCompare(b.rule) || a.reason.localeCompare(b.reason);
}

function highlightsOf(findings: readonly Finding[], rules: readonly ReviewRule[]): Review["highlights"] {
  const labels = new Map(rules.map((r) => [r.id, r.label]));
  const counts = new Map<string, { risk: Risk; label: string; count: number }>();
  for (const f of findings) {
    const label = f.rule.startsWith(POLICY_RULE_PREFIX) ? "policy violation" : (labels.get(f.rule) ?? f.rule);
    const key = `${f.risk}:${label}`;
    const entry = counts.get(key) ?? { risk: f.risk, label, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => RISK_ORDER[a.risk] - RISK_ORDER[b.risk] || b.count - a.count || a.label.localeCompare(b.label));
}

/** Judges every change with every rule and adds the head's policy violations. Pure. */
export function reviewChanges(input: ReviewInput): Review {
  const rules = input.rules ?? reviewRules;
  const stacks: StackReview[] = input.stacks.map((s) => ({ ...s, counts: countActions(s.changes) }));
  const changes = stacks.flatMap((s) => s.changes);
  const findings = [...changes.flatMap((change) => rules.flatMap((rule) => runRule(rule, change))), ...policyFindings(input.policyViolations)].sort(byRiskThenAddress);
  const counts = countActions(changes);
  const changeCount = CHANGE_ACTIONS.reduce((n, a) => n + counts[a], 0);
  return { verdict: verdictOf(findings, changeCount), counts, findings, stacks, highlights: highlightsOf(findings, rules) };
}
