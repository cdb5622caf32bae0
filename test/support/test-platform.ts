import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AlertRouter } from "../../runtime/alerts/alert-router";
import { openAlertRouter } from "../../runtime/alerts/open-alert-router";
import { catalog } from "../../runtime/catalog";
import { silentLogger } from "../../runtime/monitoring/logger";
import { RunLedger } from "../../runtime/monitoring/run-ledger";
import { DirectoryObjectStore } from "../../runtime/platform/local/directory-object-store";
import { DuckDbWarehouse } from "../../runtime/platform/local/duckdb-warehouse";
import { FileDocStore } from "../../runtime/platform/local/file-doc-store";
import { InProcessBus } from "../../runtime/platform/local/in-process-bus";
import type { Platform } from "../../runtime/platform/platform";
import { fixedClock } from "../../runtime/platform/ports/clock";

export interface TestPlatform extends Platform {
  readonly bus: InProcessBus;
  readonly docStore: FileDocStore;
  readonly notifier: AlertRouter;
  /** The console channel's lines: first occurrences and summaries, after the limiter. */
  readonly alerts: string[];
}

/** The real local adapters on an in-memory warehouse and a temp dir, at a fixed time. */
export async function openTestPlatform(at = "2025-03-16T10:00:00.000Z"): Promise<TestPlatform> {
  const dir = mkdtempSync(join(tmpdir(), "nba-props-platform-"));
  const warehouse = await DuckDbWarehouse.open({ path: ":memory:" });
  await warehouse.ensureTables(catalog.tables);
  const docStore = new FileDocStore(join(dir, "docs"));
  const clock = fixedClock(at);
  const logger = silentLogger();
  const alerts: string[] = [];
  const bus = new InProcessBus({ topics: catalog.topics, backoffScale: 0 });
  return {
    warehouse,
    docStore,
    bus,
    objectStore: new DirectoryObjectStore(join(dir, "objects")),
    // The same router as openLocalPlatform (local profile), so tests see alerts after the limiter.
    notifier: openAlertRouter({ docStore, clock, logger, bus, profile: "local", textStream: { write: (line: string) => alerts.push(line) }, alertsFile: null, env: {} }),
    clock,
    logger,
    ledger: new RunLedger(docStore, clock, logger),
    alerts,
  };
}
