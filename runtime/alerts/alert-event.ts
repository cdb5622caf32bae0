import { createHash } from "node:crypto";
import type { Notification, NotificationSeverity } from "../platform/ports/notifier";

export const SEVERITY_RANK: Readonly<Record<NotificationSeverity, number>> = { info: 0, warning: 1, error: 2, critical: 3 };

/** The dedup key: repeats of the same (source, category, scope) are counted, not re-sent. */
export interface AlertKey {
  readonly source: string;
  readonly category: string;
  readonly scope: string;
}

/** An alert as the limiter sees it: a notification with its dedup key resolved. */
export interface AlertEvent extends AlertKey {
  readonly severity: NotificationSeverity;
  readonly title: string;
  readonly detail: string;
  readonly context: Notification["context"];
  readonly links: readonly string[];
}

function contextText(n: Notification, field: string): string | null {
  const value = n.context[field];
  return value === undefined || value === null ? null : String(value);
}

/**
 * Callers that predate the dedup fields still get a stable key: the component named in the
 * context, the title as category (titles are stable per failure kind), the context's scope.
 */
export function toAlertEvent(n: Notification): AlertEvent {
  return {
    source: n.source ?? contextText(n, "processor") ?? contextText(n, "scraper") ?? "platform",
    category: n.category ?? n.title,
    scope: n.scope ?? contextText(n, "scope") ?? "",
    severity: n.severity,
    title: n.title,
    detail: n.message,
    context: n.context,
    links: n.links ?? [],
  };
}

/** A document id for a key (doc ids are restricted to letters, digits, '_' and '-'). */
export function alertKeyId(key: AlertKey): string {
  return createHash("sha256").update(JSON.stringify([key.source, key.category, key.scope])).digest("hex").slice(0, 32);
}

export function maxSeverity(a: NotificationSeverity, b: NotificationSeverity): NotificationSeverity {
  return SEVERITY_RANK[a] >= SEVERITY_RANK[b] ? a : b;
}
