import { stringsIn, type JsonObject } from "../policy";

/** Metric domains that only exist because something in the project writes them. */
const USER_METRIC = /^(logging\.googleapis\.com\/user\/|custom\.googleapis\.com\/|external\.googleapis\.com\/|workload\.googleapis\.com\/)/;
const METRIC_TYPE = /metric\.type\s*=\s*"([^"]+)"/g;

/** Google's own metrics (Cloud Run, Pub/Sub, ...) an alert policy's conditions watch. */
export function builtinMetricsOf(attributes: JsonObject | undefined): Set<string> {
  const found = new Set<string>();
  if (!attributes) return found;
  for (const { value } of stringsIn(attributes.conditions)) {
    for (const match of value.matchAll(METRIC_TYPE)) {
      const type = match[1];
      if (type !== undefined && !USER_METRIC.test(type)) found.add(type);
    }
  }
  return found;
}
