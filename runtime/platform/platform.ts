import type { HeartbeatSettings } from "../monitoring/heartbeat-settings";
import type { Logger } from "../monitoring/logger";
import type { RunLedger } from "../monitoring/run-ledger";
import type { Bus } from "./ports/bus";
import type { Clock } from "./ports/clock";
import type { DocStore } from "./ports/doc-store";
import type { Notifier } from "./ports/notifier";
import type { ObjectStore } from "./ports/object-store";
import type { Warehouse } from "./ports/warehouse";

/** Everything a scraper, processor or validator may touch outside itself. */
export interface Platform {
  readonly warehouse: Warehouse;
  readonly docStore: DocStore;
  readonly bus: Bus;
  readonly objectStore: ObjectStore;
  readonly notifier: Notifier;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly ledger: RunLedger;
  /** Heartbeat interval and timers; absent means 30 s (or NBA_PROPS_HEARTBEAT_INTERVAL_SECONDS) on real timers. */
  readonly heartbeat?: HeartbeatSettings;
}

/** A platform a command opened and must close (local: DuckDB file; gcp: client connections). */
export interface ClosablePlatform extends Platform {
  close(): Promise<void>;
}
