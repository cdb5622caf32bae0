import type { Clock } from "../ports/clock";

/**
 * A clock that only moves when told to: `sleep` advances it at once, so a bus backing off for
 * 10 s .. 600 s, or a gate re-evaluated an hour later, runs in microseconds and stays exact.
 */
export class SimulatedClock implements Clock {
  private at: number;
  /** Every wait requested through `sleep`, in order (ms). */
  readonly sleeps: number[] = [];

  constructor(start: string | Date) {
    this.at = new Date(start).getTime();
    if (Number.isNaN(this.at)) throw new Error(`SimulatedClock: invalid start "${String(start)}"`);
  }

  now(): Date {
    return new Date(this.at);
  }

  advance(ms: number): void {
    if (!(ms >= 0)) throw new Error(`SimulatedClock: cannot move back or by ${ms} ms`);
    this.at += ms;
  }

  /** Bound, so it can be handed to a bus as its `sleep`. */
  readonly sleep = (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    this.advance(ms);
    return Promise.resolve();
  };
}
