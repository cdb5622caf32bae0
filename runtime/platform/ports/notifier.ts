export type NotificationSeverity = "info" | "warning" | "error" | "critical";

export interface Notification {
  readonly severity: NotificationSeverity;
  readonly title: string;
  readonly message: string;
  readonly context: Readonly<Record<string, string | number | boolean | null>>;
}

/** A channel an alert is delivered to. Later issues add routing, rate limits and the outbox in front. */
export interface Notifier {
  notify(notification: Notification): Promise<void>;
}
