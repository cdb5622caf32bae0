import { builtinMetricsOf } from "../alert-metrics";
import type { ReviewRule } from "../types";
import { finding, literal, resourceName } from "./rule-helpers";

export const monitoringAlertRemovedOrDisabled: ReviewRule = {
  id: "monitoring-alert-removed-or-disabled",
  risk: "medium",
  label: "alert policy removed or disabled",
  description: "Removing or disabling an alert policy means the failure it watched for goes unnoticed.",
  check(change) {
    if (change.type !== "google_monitoring_alert_policy") return [];
    const name = literal(change, "display_name") ?? resourceName(change);
    // A removed policy on Google's own metrics is builtin-metric-alert-removed's, with a sharper reason.
    if (change.action === "destroy") return builtinMetricsOf(change.before).size > 0 ? [] : [finding(this, change, `alert policy "${name}" is removed: what it watched goes unnoticed`)];
    const wasEnabled = change.before?.enabled !== false;
    if ((change.action === "update" || change.action === "replace") && wasEnabled && change.after?.enabled === false) {
      return [finding(this, change, `alert policy "${name}" is disabled: it will not fire`)];
    }
    return [];
  },
};
