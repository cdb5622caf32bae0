import type { AlertMessage } from "../alert-message";
import { ChannelError, type AlertChannel } from "./alert-channel";
import { alertBody, alertSubject } from "./render-alert";

/** Posts to a Slack incoming webhook. The URL is a secret (from the environment), never logged. */
export class SlackChannel implements AlertChannel {
  constructor(
    readonly name: string,
    private readonly webhookUrl: string,
    private readonly timeoutMs: number,
  ) {}

  async send(message: AlertMessage): Promise<void> {
    let response: Response;
    try {
      response = await fetch(this.webhookUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: `*${alertSubject(message)}*\n${alertBody(message)}` }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw new ChannelError(this.name, `webhook request failed: ${err instanceof Error ? err.message : String(err)}`, true);
    }
    await response.text();
    if (!response.ok) {
      const transient = response.status >= 500 || response.status === 429 || response.status === 408;
      throw new ChannelError(this.name, `webhook answered HTTP ${response.status}`, transient);
    }
  }
}
