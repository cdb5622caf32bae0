import { join } from "node:path";
import { catalog } from "../../catalog/catalog";
import { fileLogger, type Logger } from "../../monitoring/logger";
import { RunLedger } from "../../monitoring/run-ledger";
import type { ClosablePlatform } from "../platform";
import { systemClock, type Clock } from "../ports/clock";
import { ConsoleNotifier } from "./console-notifier";
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
}

export interface LocalPlatform extends ClosablePlatform {
  readonly bus: InProcessBus;
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
  const warehouse = await DuckDbWarehouse.open({ path: paths.warehouse });
  await warehouse.ensureTables(catalog.tables);
  const docStore = new FileDocStore(paths.docStore);
  return {
    warehouse,
    docStore,
    bus: new InProcessBus({ topics: catalog.topics }),
    objectStore: new DirectoryObjectStore(paths.objects),
    notifier: new ConsoleNotifier(paths.alerts, options.alertStream),
    clock,
    logger,
    ledger: new RunLedger(docStore, clock, logger),
    close: () => warehouse.close(),
  };
}
