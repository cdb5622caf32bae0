import type { ReviewRule } from "../types";
import { finding, show } from "./rule-helpers";

/** Attribute paths (and everything under them) that bound how often work is retried, by type. */
const RETRY_PATHS: Readonly<Record<string, readonly string[]>> = {
  google_pubsub_subscription: ["dead_letter_policy.max_delivery_attempts", "retry_policy"],
  google_cloud_scheduler_job: ["retry_config", "attempt_deadline"],
  google_cloud_run_v2_job: ["template.template.max_retries"],
  google_cloud_tasks_queue: ["retry_config"],
};

const under = (path: string, prefix: string): boolean => path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);

export const retryOrAttemptLimitsChanged: ReviewRule = {
  id: "retry-or-attempt-limits-changed",
  risk: "medium",
  label: "retry or attempt limits changed",
  description:
    "Retry policies, delivery attempts and scheduler retries decide whether a failure is retried, looped or given up; a change deserves a look at both the failure and the load side.",
  check(change) {
    const prefixes = RETRY_PATHS[change.type];
    if (!prefixes || (change.action !== "update" && change.action !== "replace")) return [];
    const diffs = change.attributeDiffs.filter((d) => prefixes.some((p) => under(d.path, p)));
    if (diffs.length === 0) return [];
    const what = diffs.map((d) => `${d.path} ${show(d.before)} → ${show(d.after)}`).join("; ");
    return [finding(this, change, `retry limits change: ${what}`)];
  },
};
