import type { ReviewRule } from "../types";
import { bothSides, finding, resourceName } from "./rule-helpers";

/** Who can reach a service, narrowest first; unset is the provider's default, all. */
const INGRESS_WIDTH: Readonly<Record<string, number>> = {
  INGRESS_TRAFFIC_INTERNAL_ONLY: 0,
  INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER: 1,
  INGRESS_TRAFFIC_ALL: 2,
};

const widthOf = (value: unknown): number => (typeof value === "string" ? (INGRESS_WIDTH[value] ?? 2) : 2);

export const cloudRunIngressWidened: ReviewRule = {
  id: "cloud-run-ingress-widened",
  risk: "high",
  label: "Cloud Run ingress widened",
  description: "A Cloud Run service whose ingress widens (internal only -> load balancer -> all) is reachable from places it was not, one IAM mistake from public.",
  check(change) {
    if (change.type !== "google_cloud_run_v2_service") return [];
    const sides = bothSides(change);
    if (!sides) return [];
    const before = sides.before.ingress;
    const after = sides.after.ingress;
    if (widthOf(after) <= widthOf(before)) return [];
    const from = typeof before === "string" ? before : "unset";
    const to = typeof after === "string" ? after : "unset (all traffic)";
    return [finding(this, change, `service ${resourceName(change)} ingress widens from ${from} to ${to}`)];
  },
};
