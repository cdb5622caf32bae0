/** A delivered message: JSON body plus delivery bookkeeping. */
export interface Delivery<T = unknown> {
  readonly messageId: string;
  readonly topic: string;
  readonly subscription: string;
  readonly attempt: number;
  readonly body: T;
}

/**
 * What a handler answers. `ack` covers success and permanent failures (recorded, alerted,
 * not retried); only `retry` asks for redelivery, and then only transient errors should.
 */
export type HandlerOutcome = { readonly kind: "ack" } | { readonly kind: "retry"; readonly reason: string };

export type MessageHandler = (delivery: Delivery) => Promise<HandlerOutcome>;

export interface DeadLetter {
  readonly topic: string;
  readonly subscription: string;
  readonly messageId: string;
  readonly attempts: number;
  readonly reason: string;
  readonly body: unknown;
}

export interface Bus {
  publish(topic: string, body: unknown): Promise<string>;
  /** Registers the handler of a catalog subscription (by consumer role). */
  subscribe(subscription: string, handler: MessageHandler): void;
}
