import type { Finding, Review, Verdict } from "./types";

/** The highest risk found; without findings, "low" when something changes and "no-changes" otherwise. */
export function verdictOf(findings: readonly Finding[], changeCount: number): Verdict {
  if (findings.some((f) => f.risk === "high")) return "high";
  if (findings.some((f) => f.risk === "medium")) return "medium";
  return changeCount > 0 ? "low" : "no-changes";
}

export type FailOn = "high" | "medium" | "never";

/** Whether `--fail-on` makes this review fail: high on a high finding, medium on medium or high. */
export function failsReview(review: Pick<Review, "verdict">, failOn: FailOn): boolean {
  if (failOn === "never") return false;
  if (failOn === "high") return review.verdict === "high";
  return review.verdict === "high" || review.verdict === "medium";
}
