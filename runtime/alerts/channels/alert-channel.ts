import type { AlertMessage } from "../alert-message";

/** One place an alert is delivered to. `send` resolves once the channel accepted the message. */
export interface AlertChannel {
  readonly name: string;
  send(message: AlertMessage): Promise<void>;
}

/** A failed send; `transient` failures are retried with backoff, permanent ones dead-letter at once. */
export class ChannelError extends Error {
  readonly code = "CHANNEL_SEND_FAILED";
  constructor(
    readonly channel: string,
    message: string,
    readonly transient: boolean,
  ) {
    super(`${channel}: ${message}`);
  }
}

export function isTransientChannelError(err: unknown): boolean {
  return !(err instanceof ChannelError) || err.transient;
}
