import { existsSync, renameSync, rmSync, statSync } from "node:fs";
import pino, { type Logger } from "pino";

export type { Logger };

export interface LogRotation {
  /** Rotate when the file reaches this many bytes. */
  readonly maxBytes: number;
  /** Rotated files kept (`<file>.1` is the newest); older ones are deleted. */
  readonly keep: number;
}

/** 10 MB per file, five old files: a data dir's log never grows past about 60 MB. */
export const DEFAULT_LOG_ROTATION: LogRotation = { maxBytes: 10 * 1024 * 1024, keep: 5 };

/** Shifts `<file>.1..keep-1` up by one and moves `<file>` to `<file>.1`. */
function rotate(file: string, keep: number): void {
  rmSync(`${file}.${keep}`, { force: true });
  for (let i = keep - 1; i >= 1; i--) if (existsSync(`${file}.${i}`)) renameSync(`${file}.${i}`, `${file}.${i + 1}`);
  if (existsSync(file)) renameSync(file, `${file}.1`);
}

/**
 * Local runs keep the structured log in a file inside the data dir: the terminal shows the
 * summary and alerts, the file keeps every run event for later reading. The file rotates by
 * size: pino's destination is reopened on a fresh file (its own mechanism for log rotation).
 */
export function fileLogger(file: string, level = process.env.NBA_PROPS_LOG_LEVEL ?? "info", rotation: LogRotation = DEFAULT_LOG_ROTATION): Logger {
  let size = existsSync(file) ? statSync(file).size : 0;
  if (size >= rotation.maxBytes) {
    rotate(file, rotation.keep);
    size = 0;
  }
  const destination = pino.destination({ dest: file, mkdir: true, sync: true });
  return pino(
    {
      level,
      base: { service: "nba-props" },
      messageKey: "message",
      hooks: {
        streamWrite: (line: string) => {
          if (size > 0 && size + Buffer.byteLength(line) > rotation.maxBytes) {
            destination.flushSync();
            rotate(file, rotation.keep);
            destination.reopen();
            size = 0;
          }
          size += Buffer.byteLength(line);
          return line;
        },
      },
    },
    destination,
  );
}

export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
