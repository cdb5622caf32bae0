import { join } from "node:path";
import { catalog } from "../../runtime/catalog";
import { ObservedDocStore } from "../../runtime/drills/heartbeat/observed-doc-store";
import { silentLogger } from "../../runtime/monitoring/logger";
import { HEARTBEATS_COLLECTION, heartbeatDocumentSchema, heartbeatId } from "../../runtime/monitoring/heartbeat-document";
import { terminalStatusOf } from "../../runtime/monitoring/run-heartbeat";
import { RUNS_COLLECTION, RunLedger } from "../../runtime/monitoring/run-ledger";
import type { RunRecord } from "../../runtime/monitoring/run-record";
import { SimulatedTime } from "../../runtime/monitoring/simulated-time";
import { runLocalPipeline } from "../../runtime/orchestration/local-pipeline";
import { DirectoryObjectStore } from "../../runtime/platform/local/directory-object-store";
import { DuckDbWarehouse } from "../../runtime/platform/local/duckdb-warehouse";
import { FileDocStore } from "../../runtime/platform/local/file-doc-store";
import { InProcessBus } from "../../runtime/platform/local/in-process-bus";
import type { ClosablePlatform } from "../../runtime/platform/platform";
import type { Warehouse } from "../../runtime/platform/ports/warehouse";
import { runProcessor } from "../../runtime/processors/base/run-processor";
import type { PayloadSource } from "../../runtime/scrapers/sources/payload-source";
import { SimSource } from "../../runtime/scrapers/sources/sim-source";
import { useTempDir } from "../support/temp-dir";

const DATE = "2025-03-15";
/** Every input the runs read takes this long (simulated), so each run lives past its first beat. */
const SLOW_MS = 2_000;

async function slowPlatform(dir: string, time: SimulatedTime): Promise<{ platform: ClosablePlatform; store: ObservedDocStore }> {
  const inner = await DuckDbWarehouse.open({ path: ":memory:" });
  await inner.ensureTables(catalog.tables);
  const warehouse: Warehouse = {
    dialect: inner.dialect,
    ensureTables: (tables) => inner.ensureTables(tables),
    query: async (statement) => {
      await time.sleep(SLOW_MS);
      return inner.query(statement);
    },
    append: (table, rows) => inner.append(table, rows),
    merge: (table, rows) => inner.merge(table, rows),
    statementsExecuted: () => inner.statementsExecuted(),
    close: () => inner.close(),
  };
  const objects = new DirectoryObjectStore(join(dir, "objects"));
  const store = new ObservedDocStore(new FileDocStore(join(dir, "docs")), () => time.elapsedMs());
  const logger = silentLogger();
  const platform: ClosablePlatform = {
    warehouse,
    docStore: store,
    bus: new InProcessBus({ topics: catalog.topics, backoffScale: 0 }),
    objectStore: {
      put: (path, body) => objects.put(path, body),
      get: async (path) => {
        await time.sleep(SLOW_MS);
        return objects.get(path);
      },
      list: (prefix) => objects.list(prefix),
      uri: (path) => objects.uri(path),
    },
    notifier: { notify: () => Promise.resolve() },
    clock: time,
    logger,
    ledger: new RunLedger(store, time, logger),
    heartbeat: { intervalSeconds: 30, timer: time },
    close: () => warehouse.close(),
  };
  return { platform, store };
}

/** Moves simulated time on until the work settles (the runs wait on simulated sleeps). */
async function drive<T>(time: SimulatedTime, work: Promise<T>): Promise<T> {
  let settled = false;
  const settle = () => {
    settled = true;
  };
  work.then(settle, settle);
  while (!settled) {
    await time.advance(500);
    // Real work (DuckDB) runs meanwhile; without a pause simulated time races far ahead of it.
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return work;
}

describe("every scraper and processor in the catalog beats through the shared base", () => {
  const dir = useTempDir("heartbeat-catalog");
  let runs: RunRecord[] = [];
  let store: ObservedDocStore;

  beforeAll(async () => {
    const time = new SimulatedTime("2025-03-16T14:00:00.000Z");
    const opened = await slowPlatform(dir(), time);
    store = opened.store;
    const source = new SimSource(20250315, "2025-03-16");
    const slowSource: PayloadSource = { kind: source.kind, fetch: async (...args: Parameters<SimSource["fetch"]>) => (await time.sleep(SLOW_MS), source.fetch(...args)) };
    try {
      await drive(time, runLocalPipeline(opened.platform, { dates: [DATE], source: slowSource, until: "precompute" }));
      runs = (await opened.platform.docStore.query(RUNS_COLLECTION, [])).map((d) => d.data as unknown as RunRecord);
    } finally {
      await opened.platform.close();
    }
  }, 60_000);

  const runners = [
    ...catalog.scrapers.map((s) => ({ kind: "scraper", name: s.name, phase: "phase_1_scrapers" as const })),
    ...catalog.processors.map((p) => ({ kind: "processor", name: p.name, phase: p.phase })),
  ];

  test.each(runners)("$kind $name ($phase) starts a heartbeat and ends it with its run's terminal state", ({ name, phase }) => {
    const own = runs.filter((r) => r.processor_name === name && r.phase === phase);
    expect(own.length).toBeGreaterThan(0);
    for (const run of own) {
      const writes = store.writesTo(HEARTBEATS_COLLECTION).filter((w) => w.id === heartbeatId(phase, name, run.scope) && w.doc.run_id === run.run_id);
      const statuses = writes.map((w) => heartbeatDocumentSchema.parse(w.doc).status);
      expect(statuses[0]).toBe("running");
      expect(statuses.at(-1)).toBe(terminalStatusOf(run.status));
      expect(statuses.filter((s) => s !== "running")).toHaveLength(1);
    }
  });

  test("a run leaves one heartbeat document per (processor, scope), none of them running", async () => {
    const docs = await store.query(HEARTBEATS_COLLECTION, []);
    expect(docs.map((d) => d.id).sort()).toEqual([...new Set(runs.map((r) => heartbeatId(r.phase, r.processor_name, r.scope)))].sort());
    expect(docs.filter((d) => d.data.status === "running")).toEqual([]);
  });
});

describe("exit paths of the processor base", () => {
  const dir = useTempDir("heartbeat-exits");

  test("an exception the lifecycle cannot record (the ledger write fails) still ends the heartbeat failed", async () => {
    const time = new SimulatedTime("2025-03-16T14:00:00.000Z");
    const { platform, store } = await slowPlatform(dir(), time);
    try {
      const spec = catalog.processors.find((p) => p.name === "team_offense_game_summary")!;
      const table = catalog.tables.find((t) => `${t.dataset}.${t.name}` === spec.output)!;
      const run = runProcessor(platform, {
        spec,
        table,
        scope: DATE,
        gameDate: DATE,
        sourceKind: "sim",
        work: async () => {
          await time.sleep(5_000);
          store.setDown(RUNS_COLLECTION, true);
          return { rows: [], quarantined: [], emptyReason: "no_games_scheduled" };
        },
      });
      await expect(drive(time, run)).rejects.toThrow(/unavailable/);
      const doc = heartbeatDocumentSchema.parse(await store.get(HEARTBEATS_COLLECTION, heartbeatId(spec.phase, spec.name, DATE)));
      expect(doc).toMatchObject({ status: "failed", error_type: "EXCEPTION" });
    } finally {
      await platform.close();
    }
  });
});
