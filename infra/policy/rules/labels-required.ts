import { isObject, resultOf } from "../stack";
import type { Finding, Rule } from "../types";

/** Labels every labelled resource must carry; the environment schema requires the same keys. */
export const REQUIRED_LABEL_KEYS = ["app", "env", "owner", "cost-center"] as const;

/** Resource types that take labels, and the attribute they are in. */
export const LABELLED_TYPES: Readonly<Record<string, string>> = {
  google_artifact_registry_repository: "labels",
  google_bigquery_dataset: "labels",
  google_bigquery_table: "labels",
  google_cloud_run_v2_job: "labels",
  google_cloud_run_v2_service: "labels",
  google_monitoring_alert_policy: "user_labels",
  google_monitoring_notification_channel: "user_labels",
  google_pubsub_subscription: "labels",
  google_pubsub_topic: "labels",
  google_secret_manager_secret: "labels",
  google_storage_bucket: "labels",
};

export const labelsRequired: Rule = {
  id: "labels-required",
  severity: "error",
  description: `Every labelled resource carries the labels ${REQUIRED_LABEL_KEYS.join(", ")} with non-empty values.`,
  explanation: "Labels are how cost, ownership and environment are traced back from a bill or an incident; a resource without them belongs to no one.",
  check(stack) {
    const findings: Finding[] = [];
    let applicable = false;
    for (const resource of stack.resources) {
      const attribute = LABELLED_TYPES[resource.type];
      if (attribute === undefined) continue;
      applicable = true;
      const labels = resource.body[attribute];
      if (!isObject(labels)) {
        findings.push({ resource: resource.address, message: `has no ${attribute}` });
        continue;
      }
      const missing = REQUIRED_LABEL_KEYS.filter((key) => typeof labels[key] !== "string" || labels[key] === "");
      if (missing.length > 0) findings.push({ resource: resource.address, message: `${attribute} lack ${missing.join(", ")}` });
    }
    return resultOf(findings, applicable);
  },
};
