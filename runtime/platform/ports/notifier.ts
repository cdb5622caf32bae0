export type NotificationSeverity = "info" | "warning" | "error" | "critical";

export interface Notification {
  readonly severity: NotificationSeverity;
  readonly title: string;
  readonly message: string;
  readonly context: Readonly<Record<string, string | number | boolean | null>>;
  /**
   * The dedup key (source, category, scope): repeats of one key within a window are folded into
   * one summary. When absent, the alerting layer derives them from the context and the title.
   */
  readonly source?: string;
  readonly category?: string;
  readonly scope?: string;
  /** Where an operator looks first (run page, logs query, runbook). */
  readonly links?: readonly string[];
}

/**
 * Where every component raises alerts. The platform's notifier is the alert router
 * (runtime/alerts/): routing, persisted rate limits and aggregation, outbox, retry, dead letter.
 */
export interface Notifier {
  notify(notification: Notification): Promise<void>;
}
