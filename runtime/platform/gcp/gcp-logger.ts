import pino, { type DestinationStream, type Level, type Logger } from "pino";

/** Cloud Logging's severities for pino's levels. */
const SEVERITY: Record<Level, string> = {
  trace: "DEBUG",
  debug: "DEBUG",
  info: "INFO",
  warn: "WARNING",
  error: "ERROR",
  fatal: "CRITICAL",
};

export interface GcpLoggerOptions {
  readonly project: string;
  /** Put on every line as `logging.googleapis.com/labels` (component, env). */
  readonly labels: Readonly<Record<string, string>>;
  readonly level?: string;
  /** Defaults to stdout, where Cloud Run's agent reads one JSON object per line. */
  readonly destination?: DestinationStream;
}

/**
 * One JSON line per event with the fields Cloud Logging lifts out of jsonPayload: `severity`,
 * `message`, `timestamp`, labels, and (on a child made with `traceFields`) the request's trace.
 */
export function gcpLogger(options: GcpLoggerOptions): Logger {
  return pino(
    {
      level: options.level ?? "info",
      messageKey: "message",
      base: { service: "nba-props", "logging.googleapis.com/labels": { ...options.labels } },
      timestamp: () => `,"timestamp":"${new Date().toISOString()}"`,
      formatters: {
        level: (label) => ({ severity: SEVERITY[label as Level] ?? "DEFAULT" }),
      },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

/**
 * The trace fields of one request, from Cloud Run's `X-Cloud-Trace-Context: TRACE/SPAN;o=1`
 * (or a W3C `traceparent`); use as `logger.child(traceFields(project, header))`.
 */
export function traceFields(project: string, header: string | undefined): Record<string, string | boolean> {
  if (!header) return {};
  const cloud = /^([0-9a-f]{32})(?:\/(\d+))?(?:;o=([01]))?$/i.exec(header);
  if (cloud) {
    return {
      "logging.googleapis.com/trace": `projects/${project}/traces/${cloud[1]}`,
      ...(cloud[2] ? { "logging.googleapis.com/spanId": BigInt(cloud[2]).toString(16).padStart(16, "0") } : {}),
      "logging.googleapis.com/trace_sampled": cloud[3] === "1",
    };
  }
  const w3c = /^[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/i.exec(header);
  if (w3c) {
    return {
      "logging.googleapis.com/trace": `projects/${project}/traces/${w3c[1]}`,
      "logging.googleapis.com/spanId": w3c[2]!,
      "logging.googleapis.com/trace_sampled": (parseInt(w3c[3]!, 16) & 1) === 1,
    };
  }
  return {};
}
