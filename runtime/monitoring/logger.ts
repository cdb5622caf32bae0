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

export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
