import { catalog } from "../../runtime/catalog";
import { silentLogger } from "../../runtime/monitoring/logger";
import { HEARTBEATS_COLLECTION, heartbeatId } from "../../runtime/monitoring/heartbeat-document";
import { RUNS_COLLECTION, RunLedger } from "../../runtime/monitoring/run-ledger";
import type { RunRecord } from "../../runtime/monitoring/run-record";
import { SimulatedTime } from "../../runtime/monitoring/simulated-time";
import { dateRange } from "../../runtime/domain/et-date";
import { DirectoryObjectStore } from "../../runtime/platform/local/directory-object-store";
import { DuckDbWarehouse } from "../../runtime/platform/local/duckdb-warehouse";
import { InProcessBus } from "../../runtime/platform/local/in-process-bus";
import type { Platform } from "../../runtime/platform/platform";
import { runProcessor } from "../../runtime/processors/base/run-processor";
import { MemoryDocStore } from "../support/memory-doc-store";
import { useTempDir } from "../support/temp-dir";

const spec = catalog.processors.find((p) => p.name === "team_offense_game_summary")!;
const table = catalog.tables.find((t) => `${t.dataset}.${t.name}` === spec.output)!;

describe("heartbeat documents stay bounded", () => {
  const dir = useTempDir("heartbeat-bounded");

  test("1,000 runs of one processor over 1,000 dates (and 100 reruns) leave one document per (processor, scope), none running", async () => {
    const time = new SimulatedTime("2025-03-16T14:00:00.000Z");
    const docStore = new MemoryDocStore();
    const warehouse = await DuckDbWarehouse.open({ path: ":memory:" });
    const logger = silentLogger();
    const platform: Platform = {
      warehouse,
      docStore,
      bus: new InProcessBus({ topics: catalog.topics, backoffScale: 0 }),
      objectStore: new DirectoryObjectStore(`${dir()}/objects`),
      notifier: { notify: () => Promise.resolve() },
      clock: time,
      logger,
      ledger: new RunLedger(docStore, time, logger),
      heartbeat: { intervalSeconds: 30, timer: time },
    };
    const dates = dateRange("2022-01-01", "2024-09-26");
    expect(dates).toHaveLength(1000);
    const last = new Map<string, RunRecord>();
    try {
      for (const scope of [...dates, ...dates.slice(0, 100)]) {
        let finished: RunRecord | null = null;
        const run = runProcessor(platform, {
          spec,
          table,
          scope,
          gameDate: scope,
          sourceKind: "sim",
          work: async (progress) => {
            progress.report("extract", 0, 1);
            await time.sleep(1_500);
            return { rows: [], quarantined: [], emptyReason: "no_games_scheduled" };
          },
        }).then((r) => (finished = r));
        while (finished === null) await time.advance(500);
        last.set(scope, await run);
      }
    } finally {
      await warehouse.close();
    }
    const docs = await docStore.query(HEARTBEATS_COLLECTION, []);
    expect(docs).toHaveLength(1000);
    expect(docs.map((d) => d.id).sort()).toEqual(dates.map((d) => heartbeatId(spec.phase, spec.name, d)).sort());
    expect(docs.filter((d) => d.data.status !== "completed")).toEqual([]);
    expect(docs.every((d) => d.data.run_id === last.get(String(d.data.scope))?.run_id)).toBe(true);
    expect(docs.filter((d) => d.data.attempt === 2)).toHaveLength(100);
    expect(await docStore.query(RUNS_COLLECTION, [])).toHaveLength(1100);
  });
});
