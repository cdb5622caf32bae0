import { blocksAt, resolveResource, resourcesOfType, resultOf, stringAt, stringsIn } from "../stack";
import type { Finding, Rule, SynthesizedStack } from "../types";

const LOG_METRIC = /logging\.googleapis\.com\/user\/([A-Za-z0-9_.\-/]+|\$\{[^}]+\})/g;
/** The PromQL spelling of a log-based metric (`/` and `.` become `_`, the domain ends in `:`). */
const PROMQL_LOG_METRIC = /logging_googleapis_com:user_([A-Za-z0-9_]+)/g;
/** User-defined metric domains that only exist if something in the project writes them. */
const USER_METRIC_PREFIXES = ["custom.googleapis.com/", "external.googleapis.com/", "workload.googleapis.com/"];
const FILTERED_CONDITIONS = ["condition_threshold", "condition_absent"];

function logMetricDefined(stack: SynthesizedStack, name: string): boolean {
  if (name.startsWith("${")) return resolveResource(stack, name, "google_logging_metric") !== undefined;
  return resourcesOfType(stack, "google_logging_metric").some((m) => stringAt(m.body, "name") === name);
}

export const alertMetricDefined: Rule = {
  id: "monitoring-alert-metric-defined",
  severity: "error",
  description: "Every alert condition (filter or PromQL) watches a built-in metric or a log-based metric declared in the same stack.",
  explanation: "An alert on a metric nothing defines can never fire; the old system had several such policies and believed it was covered.",
  check(stack) {
    const policies = resourcesOfType(stack, "google_monitoring_alert_policy");
    const findings: Finding[] = [];
    for (const policy of policies) {
      for (const condition of blocksAt(policy.body, "conditions")) {
        for (const kind of FILTERED_CONDITIONS) {
          for (const block of blocksAt(condition, kind)) {
            const filter = stringAt(block, "filter") ?? "";
            const metricType = /metric\.type\s*=\s*"([^"]+)"/.exec(filter)?.[1];
            if (!metricType) findings.push({ resource: policy.address, message: `${kind} filter names no metric.type` });
            else if (USER_METRIC_PREFIXES.some((p) => metricType.startsWith(p))) findings.push({ resource: policy.address, message: `watches ${metricType}, which nothing in this stack defines` });
          }
        }
        for (const { value } of stringsIn(condition)) {
          for (const match of value.matchAll(PROMQL_LOG_METRIC)) {
            const name = match[1];
            // PromQL turns '-' and '.' into '_', so compare in that spelling.
            const defined = name !== undefined && resourcesOfType(stack, "google_logging_metric").some((m) => (stringAt(m.body, "name") ?? "").replace(/[.-]/g, "_") === name);
            if (name !== undefined && !defined) findings.push({ resource: policy.address, message: `PromQL watches log-based metric ${name}, which no google_logging_metric in this stack defines` });
          }
          for (const match of value.matchAll(LOG_METRIC)) {
            const name = match[1];
            if (name !== undefined && !logMetricDefined(stack, name)) findings.push({ resource: policy.address, message: `watches log-based metric ${name}, which no google_logging_metric in this stack defines` });
          }
        }
      }
    }
    return resultOf(findings, policies.length > 0);
  },
};
