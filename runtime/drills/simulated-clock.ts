import type { Clock } from "../platform/ports/clock";

/** A clock drills move by hand: an hour of failures runs in a second. */
export class SimulatedClock implements Clock {
  private ms: number;

  constructor(start: string) {
    this.ms = Date.parse(start);
    if (Number.isNaN(this.ms)) throw new Error(`SimulatedClock: invalid start "${start}"`);
  }

  now(): Date {
    return new Date(this.ms);
  }

  /** Moves to an absolute instant (never backwards). */
  set(ms: number): void {
    if (ms < this.ms) throw new Error("SimulatedClock: time does not run backwards");
    this.ms = ms;
  }
}
