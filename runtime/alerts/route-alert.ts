import type { NotificationSeverity } from "../platform/ports/notifier";
import type { RouteConfig } from "./alerts-config";

/** The channels of the first route matching the severity and category (the last route matches all). */
export function routeAlert(routes: readonly RouteConfig[], severity: NotificationSeverity, category: string): readonly string[] {
  const route = routes.find((r) => (r.severities?.includes(severity) ?? true) && (r.categories?.includes(category) ?? true));
  if (!route) throw new Error(`no alert route matches severity ${severity}, category ${category}`);
  return route.channels;
}
