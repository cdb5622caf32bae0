import { resourcesOfType, resultOf, stringAt } from "../stack";
import type { Finding, Rule } from "../types";

/** Ingress settings that keep a service off the public internet. */
export const INTERNAL_INGRESS = ["INGRESS_TRAFFIC_INTERNAL_ONLY", "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER"] as const;

export const cloudRunIngressInternal: Rule = {
  id: "cloud-run-ingress-internal",
  severity: "error",
  description: `Every Cloud Run service sets ingress to ${INTERNAL_INGRESS.join(" or ")} (unset means open to all).`,
  explanation:
    "Pub/Sub and Cloud Scheduler reach internal services; open ingress puts every processor endpoint on the internet, one IAM mistake away from public.",
  check(stack) {
    const services = resourcesOfType(stack, "google_cloud_run_v2_service");
    const findings: Finding[] = [];
    for (const service of services) {
      const ingress = stringAt(service.body, "ingress");
      if (!INTERNAL_INGRESS.some((allowed) => allowed === ingress)) {
        findings.push({ resource: service.address, message: `ingress is ${ingress ?? "unset (INGRESS_TRAFFIC_ALL)"}: open to all traffic` });
      }
    }
    return resultOf(findings, services.length > 0);
  },
};
