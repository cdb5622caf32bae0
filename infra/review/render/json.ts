import type { Review } from "../types";

/**
 * The JSON contract: exactly `verdict`, `counts` and `findings` at the top level. Per-stack
 * details live in the markdown only, so the contract stays fixed.
 */
export function renderJson(review: Review): string {
  const { create, update, replace, destroy } = review.counts;
  const json = {
    verdict: review.verdict,
    counts: { create, update, replace, destroy },
    findings: review.findings.map((f) => ({ risk: f.risk, address: f.address, kind: f.kind, reason: f.reason, rule: f.rule })),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
