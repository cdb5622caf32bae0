import { builtinMetricsOf } from "../alert-metrics";
import type { ReviewRule } from "../types";
import { finding, literal, resourceName } from "./rule-helpers";

export const builtinMetricAlertRemoved: ReviewRule = {
  id: "builtin-metric-alert-removed",
  risk: "medium",
  label: "built-in-metric alert removed",
  description:
    "An alert on Google's own metrics (failed job executions, 5xx, Pub/Sub backlog) that is removed or stops watching one catches what the runtime cannot log itself: a crash at start goes unnoticed.",
  check(change) {
    if (change.type !== "google_monitoring_alert_policy") return [];
    const name = literal(change, "display_name") ?? resourceName(change);
    const before = builtinMetricsOf(change.before);
    if (before.size === 0) return [];
    if (change.action === "destroy") return [finding(this, change, `alert policy "${name}" on ${[...before].sort().join(", ")} is removed: failures only Google's metrics see go unnoticed`)];
    const after = builtinMetricsOf(change.after);
    const lost = [...before].filter((m) => !after.has(m)).sort();
    return lost.length > 0 ? [finding(this, change, `alert policy "${name}" stops watching ${lost.join(", ")}`)] : [];
  },
};
