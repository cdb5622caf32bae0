import { z } from "zod";
import { realTimer, type HeartbeatTimer } from "./heartbeat-timer";

export const DEFAULT_HEARTBEAT_INTERVAL_SECONDS = 30;
/** Firestore's guidance: at most one sustained write per second to one document. */
export const MIN_WRITE_GAP_MS = 1000;
/** A run is dead once this many beats in a row are missing. */
export const MISSED_BEATS_DEAD = 3;
/** A heartbeat write that has not answered after this long counts as failed (the store hangs). */
export const WRITE_TIMEOUT_MS = 10_000;

export interface HeartbeatSettings {
  readonly intervalSeconds: number;
  readonly timer: HeartbeatTimer;
}

const intervalSchema = z.coerce
  .number({ error: "expected a number of seconds" })
  .min(1, "at least 1 second (one write per second per document)")
  .max(600, "at most 600 seconds (the sweeper calls a run dead after 3 missed beats)");

/**
 * The heartbeat interval: `NBA_PROPS_HEARTBEAT_INTERVAL_SECONDS` when set, else 30 s. A bad value
 * is an error naming the variable, not a silent default.
 */
export function heartbeatSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): HeartbeatSettings {
  const raw = env.NBA_PROPS_HEARTBEAT_INTERVAL_SECONDS;
  if (raw === undefined || raw === "") return { intervalSeconds: DEFAULT_HEARTBEAT_INTERVAL_SECONDS, timer: realTimer };
  const parsed = intervalSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`NBA_PROPS_HEARTBEAT_INTERVAL_SECONDS=${raw}: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  return { intervalSeconds: parsed.data, timer: realTimer };
}
