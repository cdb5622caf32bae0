import { appendFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { AlertMessage } from "../alert-message";
import type { AlertChannel } from "./alert-channel";

type Stream = { write(text: string): unknown };

const CLOUD_LOGGING_SEVERITY = { info: "INFO", warning: "WARNING", error: "ERROR", critical: "CRITICAL" } as const;

/**
 * `text`: one line for a person on the stream, and the whole message as a JSON line in the
 * alerts file (locally `alerts.log`). `json`: one Cloud Logging structured line on the stream
 * (stdout on Cloud Run), with `severity` and `message` where Cloud Logging looks for them.
 */
export class ConsoleChannel implements AlertChannel {
  constructor(
    readonly name: string,
    private readonly format: "text" | "json",
    private readonly stream: Stream,
    private readonly alertsFile: string | null,
  ) {}

  send(m: AlertMessage): Promise<void> {
    if (this.format === "json") {
      this.stream.write(`${JSON.stringify({ severity: CLOUD_LOGGING_SEVERITY[m.severity], message: `${m.title}: ${m.detail}`, event: "alert", alert: m })}\n`);
    } else {
      const repeats = m.kind === "summary" ? ` [${m.count} repeats]` : "";
      this.stream.write(`[alert ${m.severity}] ${m.title}: ${m.detail}${repeats}\n`);
      if (this.alertsFile) {
        mkdirSync(dirname(this.alertsFile), { recursive: true });
        appendFileSync(this.alertsFile, `${JSON.stringify(m)}\n`);
      }
    }
    return Promise.resolve();
  }
}
