import { Writable } from "node:stream";
import pino from "pino";
import type { Logger } from "../../runtime/monitoring/logger";

export interface CapturedLogger {
  readonly logger: Logger;
  /** Every structured log line written so far, parsed. */
  readonly events: Record<string, unknown>[];
}

/** A real pino logger whose lines are kept in memory, so tests read what the runtime emitted. */
export function capturedLogger(): CapturedLogger {
  const events: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) events.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: "debug", messageKey: "message" }, stream), events };
}
