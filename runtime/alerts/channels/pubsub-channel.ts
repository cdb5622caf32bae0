import type { Bus } from "../../platform/ports/bus";
import type { AlertMessage } from "../alert-message";
import { ChannelError, type AlertChannel } from "./alert-channel";

/** Publishes each alert to a Pub/Sub topic through the Bus port, for machines that consume alerts. */
export class PubSubChannel implements AlertChannel {
  constructor(
    readonly name: string,
    private readonly bus: Bus,
    private readonly topic: string,
  ) {}

  async send(message: AlertMessage): Promise<void> {
    try {
      await this.bus.publish(this.topic, { alert: message });
    } catch (err) {
      throw new ChannelError(this.name, `publish to ${this.topic} failed: ${err instanceof Error ? err.message : String(err)}`, true);
    }
  }
}
