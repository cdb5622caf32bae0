/** Vocabulary of plan reviews: what a change to the stacks does and what it puts at risk. */
import type { JsonObject } from "../policy";

export type ChangeAction = "create" | "update" | "replace" | "destroy";

export const CHANGE_ACTIONS: readonly ChangeAction[] = ["create", "update", "replace", "destroy"];

/** One changed leaf of a resource's attributes; `path` is dotted with `[i]` for list items. */
export interface AttributeDiff {
  readonly path: string;
  /** Undefined when the attribute is added. */
  readonly before: unknown;
  /** Undefined when the attribute is removed; UNKNOWN_AFTER_APPLY when a plan cannot know it yet. */
  readonly after: unknown;
}

/** Where the change was read from: two synthesized outputs compared, or a `terraform show -json` plan. */
export type ChangeSource = "synthesized" | "plan";

export interface ResourceChange {
  readonly stack: string;
  /** `<stack>/<type>.<name>`, as the policy engine reports resources. */
  readonly address: string;
  readonly type: string;
  readonly name: string;
  readonly action: ChangeAction;
  /** Changed attributes of an update or replace (empty for create and destroy). */
  readonly attributeDiffs: readonly AttributeDiff[];
  /** Normalized attributes before the change (absent for create). */
  readonly before?: JsonObject;
  /** Normalized attributes after the change (absent for destroy). */
  readonly after?: JsonObject;
  /** For a replace: the attributes that force it (or Terraform's action_reason when a plan gives no path). */
  readonly replacedBecause: readonly string[];
  readonly source: ChangeSource;
}

export type Risk = "high" | "medium";

export interface Finding {
  readonly risk: Risk;
  readonly address: string;
  /**
   * The Terraform resource type for a review rule's finding (`google_bigquery_table`); the policy
   * rule id for a policy violation of the head (`pubsub-topic-has-subscription`).
   */
  readonly kind: string;
  readonly reason: string;
  /** The review rule (or `policy/<rule id>`) that produced the finding. */
  readonly rule: string;
}

export interface ReviewRule {
  /** Stable id, shown with every finding. */
  readonly id: string;
  readonly risk: Risk;
  /** A few words for the verdict line, e.g. "BigQuery data deleted". */
  readonly label: string;
  /** One line: what the rule flags and why. */
  readonly description: string;
  check(change: ResourceChange): readonly Finding[];
}

export type ActionCounts = Readonly<Record<ChangeAction, number>>;

export interface StackReview {
  readonly name: string;
  readonly source: ChangeSource;
  readonly changes: readonly ResourceChange[];
  readonly counts: ActionCounts;
}

/** Stable verdict strings (JSON `verdict`): the highest risk found, or whether anything changes at all. */
export type Verdict = "no-changes" | "low" | "medium" | "high";

export interface Review {
  readonly verdict: Verdict;
  readonly counts: ActionCounts;
  /** High-risk findings first, then medium; by address within a risk. */
  readonly findings: readonly Finding[];
  readonly stacks: readonly StackReview[];
  /** Short labels of what the high/medium findings are about, with how often each occurs. */
  readonly highlights: readonly { readonly risk: Risk; readonly label: string; readonly count: number }[];
}
