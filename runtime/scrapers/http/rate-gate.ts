import { setTimeout as sleep } from "node:timers/promises";

/**
 * Spaces request starts to one source at least `intervalMs` apart, in call order, across every
 * scraper of the process that calls that source. Waiting honours the caller's abort signal.
 */
export class RateGate {
  private nextSlot = 0;

  constructor(private readonly intervalMs: number) {}

  async acquire(signal?: AbortSignal): Promise<void> {
    const now = Date.now();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + this.intervalMs;
    if (slot > now) await sleep(slot - now, undefined, { signal });
  }
}
