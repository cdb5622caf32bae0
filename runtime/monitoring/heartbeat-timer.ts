/**
 * How a heartbeat waits: real timers in a process, a simulated clock in drills and tests. The
 * elapsed time is the write gate's measure (real writes per real second), separate from the
 * platform clock that stamps the documents.
 */
export interface HeartbeatTimer {
  /** Calls `tick` every `ms` until the returned function is called. */
  every(ms: number, tick: () => Promise<void>): () => void;
  /** Calls `fire` once after `ms` unless the returned function is called first. */
  after(ms: number, fire: () => Promise<void>): () => void;
  sleep(ms: number): Promise<void>;
  /** Monotonic milliseconds. */
  elapsedMs(): number;
}

/** Node timers, unref'd: a heartbeat never keeps a finished process alive. */
export const realTimer: HeartbeatTimer = {
  every(ms, tick) {
    const handle = setInterval(() => void tick(), ms);
    handle.unref();
    return () => clearInterval(handle);
  },
  after(ms, fire) {
    const handle = setTimeout(() => void fire(), ms);
    handle.unref();
    return () => clearTimeout(handle);
  },
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  elapsedMs: () => performance.now(),
};
