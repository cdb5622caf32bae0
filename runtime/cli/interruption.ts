import type { CliIo } from "./cli-io";

/** Exit codes after a signal, as shells report them (128 + signal number). */
export const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
export type StopSignal = keyof typeof SIGNAL_EXIT_CODES;

export interface Interruption {
  /** The first signal received, or null. */
  signal(): StopSignal | null;
  dispose(): void;
}

/**
 * The first SIGINT/SIGTERM asks long work to stop after the unit in hand; a second one stops at
 * once, after `onForce` has recorded what was unfinished.
 */
export function watchInterruption(io: CliIo, unit: string, onForce: (signal: StopSignal) => Promise<void>): Interruption {
  let received: StopSignal | null = null;
  const handler = (signal: StopSignal): void => {
    if (received === null) {
      received = signal;
      io.stderr.write(`\n${signal}: stopping after the ${unit} in hand (send it again to stop at once)\n`);
      return;
    }
    void onForce(signal).finally(() => process.exit(SIGNAL_EXIT_CODES[signal]));
  };
  const onInt = (): void => handler("SIGINT");
  const onTerm = (): void => handler("SIGTERM");
  process.on("SIGINT", onInt);
  process.on("SIGTERM", onTerm);
  return {
    signal: () => received,
    dispose: () => {
      process.off("SIGINT", onInt);
      process.off("SIGTERM", onTerm);
    },
  };
}
