type Interrupt = (signal: string) => Promise<void>;

const SIGNALS = ["SIGTERM", "SIGINT"] as const;
/** How long a stopping process waits for the terminal writes before it goes anyway. */
const SIGNAL_GRACE_MS = 5000;

const active = new Set<Interrupt>();
let installed = false;

async function onSignal(signal: NodeJS.Signals): Promise<void> {
  for (const s of SIGNALS) process.removeListener(s, handlers[s]);
  installed = false;
  const writes = Promise.allSettled([...active].map((interrupt) => interrupt(signal)));
  await Promise.race([writes, new Promise((resolve) => setTimeout(resolve, SIGNAL_GRACE_MS).unref())]);
  // Whoever else listens (an interruption handler) decides how the process ends; otherwise the default does.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

const handlers: Record<(typeof SIGNALS)[number], () => void> = {
  SIGTERM: () => void onSignal("SIGTERM"),
  SIGINT: () => void onSignal("SIGINT"),
};

/**
 * Registers a running heartbeat so SIGTERM (Cloud Run stopping an instance) and SIGINT (Ctrl-C)
 * write its terminal state before the process ends. Returns the function that unregisters it.
 */
export function trackForSignals(interrupt: Interrupt): () => void {
  active.add(interrupt);
  if (!installed) {
    for (const s of SIGNALS) process.once(s, handlers[s]);
    installed = true;
  }
  return () => {
    active.delete(interrupt);
  };
}
