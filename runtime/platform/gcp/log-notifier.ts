import type { Logger } from "../../monitoring/logger";
import type { Notification, Notifier } from "../ports/notifier";

const LEVEL = { info: "info", warning: "warn", error: "error", critical: "fatal" } as const;

/**
 * Alerts as structured log lines (`event: alert_raised`), until the alerting layer puts its
 * channels behind the Notifier port; Cloud Logging keeps them and they can be routed from there.
 */
export class LogNotifier implements Notifier {
  constructor(private readonly logger: Logger) {}

  notify(notification: Notification): Promise<void> {
    this.logger[LEVEL[notification.severity]](
      { event: "alert_raised", alert_severity: notification.severity, title: notification.title, context: notification.context },
      `${notification.title}: ${notification.message}`,
    );
    return Promise.resolve();
  }
}
