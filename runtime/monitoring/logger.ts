import pino, { type Logger } from "pino";

export type { Logger };

/**
 * Structured logs (JSON lines). On GCP they go to stdout for Cloud Logging, where the log-based
 * metrics of the catalog count `event` fields; locally they go to stderr at `warn` unless
 * NBA_PROPS_LOG_LEVEL says otherwise, so command output stays readable.
 */
export function createLogger(options: { level?: string; destination?: NodeJS.WritableStream } = {}): Logger {
  const level = options.level ?? process.env.NBA_PROPS_LOG_LEVEL ?? "warn";
  return pino({ level, base: { service: "nba-props" }, messageKey: "message" }, options.destination ?? process.stderr);
}

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
