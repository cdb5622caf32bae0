import pino, { type Logger } from "pino";

export type { Logger };

/**
 * Local runs keep the structured log in a file inside the data dir: the terminal shows the
 * summary and alerts, the file keeps every run event for later reading.
 */
export function fileLogger(file: string, level = process.env.NBA_PROPS_LOG_LEVEL ?? "info"): Logger {
  return pino({ level, base: { service: "nba-props" }, messageKey: "message" }, pino.destination({ dest: file, mkdir: true, sync: true }));
}

export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
