import type { Clock } from "../platform/ports/clock";
import type { HeartbeatTimer } from "./heartbeat-timer";

interface Scheduled {
  readonly id: number;
  due: number;
  readonly every: number | null;
  readonly fire: () => Promise<void>;
}

/**
 * A clock and timers that move only when told (drills, tests, the bench). `advance` fires every
 * timer that falls due, in order, at its due time, and waits for what each one started, so a
 * drill sees the documents a real process would have written by then. `freeze` stops the timers
 * without stopping time: a process whose event loop hangs; `discardTimers` drops them: a process
 * that died.
 */
export class SimulatedTime implements Clock, HeartbeatTimer {
  private at: number;
  private readonly timers = new Map<number, Scheduled>();
  private nextId = 1;
  private frozen = false;

  constructor(start: string | Date) {
    this.at = new Date(start).getTime();
    if (Number.isNaN(this.at)) throw new Error(`SimulatedTime: invalid start "${String(start)}"`);
  }

  now(): Date {
    return new Date(this.at);
  }

  elapsedMs(): number {
    return this.at;
  }

  every(ms: number, tick: () => Promise<void>): () => void {
    return this.schedule(ms, ms, tick);
  }

  after(ms: number, fire: () => Promise<void>): () => void {
    return this.schedule(ms, null, fire);
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.schedule(ms, null, () => {
        resolve();
        return Promise.resolve();
      });
    });
  }

  /** Timers stop firing (time still passes). */
  freeze(): void {
    this.frozen = true;
  }

  /** Every pending timer is dropped (time still passes): a process that died. */
  discardTimers(): void {
    this.timers.clear();
  }

  /** Moves time forward by `ms`, firing each timer that falls due on the way. */
  async advance(ms: number): Promise<void> {
    const end = this.at + ms;
    for (;;) {
      const next = this.frozen ? undefined : [...this.timers.values()].filter((t) => t.due <= end).sort((a, b) => a.due - b.due || a.id - b.id)[0];
      if (!next) break;
      this.at = Math.max(this.at, next.due);
      if (next.every === null) this.timers.delete(next.id);
      else next.due += next.every;
      await settleWithin(next.fire(), FIRE_WAIT_MS);
      await settle();
    }
    this.at = end;
    await settle();
  }

  private schedule(ms: number, every: number | null, fire: () => Promise<void>): () => void {
    const id = this.nextId++;
    this.timers.set(id, { id, due: this.at + ms, every, fire });
    return () => {
      this.timers.delete(id);
    };
  }
}

/**
 * How long (real time) `advance` waits for what a timer started. Long enough for file writes; a
 * call that waits on a later simulated timer (a store that never answers, racing its timeout)
 * would otherwise deadlock the simulation.
 */
const FIRE_WAIT_MS = 1000;

async function settleWithin(work: Promise<void>, ms: number): Promise<void> {
  let handle: NodeJS.Timeout | undefined;
  await Promise.race([work, new Promise<void>((resolve) => (handle = setTimeout(resolve, ms)))]);
  clearTimeout(handle);
}

/** Lets promise continuations and pending file I/O run before time moves on. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}
