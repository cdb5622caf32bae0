import { join } from "node:path";
import type { AlertRouter } from "../../alerts/alert-router";
import type { AlertsConfig } from "../../alerts/alerts-config";
import { openAlertRouter } from "../../alerts/open-alert-router";
import { catalog } from "../../catalog/catalog";
import { fileLogger, type Logger } from "../../monitoring/logger";
import { RunLedger } from "../../monitoring/run-ledger";
import type { ClosablePlatform } from "../platform";
import { systemClock, type Clock } from "../ports/clock";
import { DirectoryObjectStore } from "./directory-object-store";
import { DuckDbWarehouse } from "./duckdb-warehouse";
import { FileDocStore } from "./file-doc-store";
import { InProcessBus } from "./in-process-bus";

export interface LocalPlatformOptions {
  readonly dataDir: string;
  readonly clock?: Clock;
  readonly logger?: Logger;
  /** Where alert lines are printed (stderr by default). */
  readonly alertStream?: { write(text: string): unknown };
  /** Alert routing: profile of configs/alerts.yaml ("local" by default), or a parsed config; secrets from `env`. */
  readonly alerts?: { readonly profile?: string; readonly config?: AlertsConfig; readonly env?: Readonly<Record<string, string | undefined>> };
}

export interface LocalPlatform extends ClosablePlatform {
  readonly bus: InProcessBus;
  readonly notifier: AlertRouter;
}

/** Paths inside a data dir: the contract `nba-props query` and operators rely on. */
export function localPaths(dataDir: string) {
  return {
    warehouse: join(dataDir, "warehouse.duckdb"),
    docStore: join(dataDir, "docstore"),
    objects: join(dataDir, "objects"),
    alerts: join(dataDir, "alerts.log"),
    log: join(dataDir, "nba-props.log"),
  };
}

/** The embedded defaults: DuckDB, file-backed documents, a directory of objects, an in-process bus. */
export async function openLocalPlatform(options: LocalPlatformOptions): Promise<LocalPlatform> {
  const paths = localPaths(options.dataDir);
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? fileLogger(paths.log);
  const docStore = new FileDocStore(paths.docStore);
  const bus = new InProcessBus({ topics: catalog.topics });
  // Built first: a route to a channel without its secrets fails here, before anything opens.
  const notifier = openAlertRouter({
    docStore,
    clock,
    logger,
    bus,
    alertsFile: paths.alerts,
    ...(options.alertStream ? { textStream: options.alertStream } : {}),
    ...(options.alerts?.profile ? { profile: options.alerts.profile } : {}),
    ...(options.alerts?.config ? { config: options.alerts.config } : {}),
    ...(options.alerts?.env ? { env: options.alerts.env } : {}),
  });
  const warehouse = await DuckDbWarehouse.open({ path: paths.warehouse });
  await warehouse.ensureTables(catalog.tables);
  return {
    warehouse,
    docStore,
    bus,
    objectStore: new DirectoryObjectStore(paths.objects),
    notifier,
    clock,
    logger,
    ledger: new RunLedger(docStore, clock, logger),
    close: () => warehouse.close(),
  };
}
