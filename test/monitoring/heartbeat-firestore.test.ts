import { Firestore, Timestamp } from "@google-cloud/firestore";
import { DRILL_START, processorSpec } from "../../runtime/drills/heartbeat/drill-env";
import { ObservedDocStore } from "../../runtime/drills/heartbeat/observed-doc-store";
import { HEARTBEATS_COLLECTION } from "../../runtime/monitoring/heartbeat-document";
import { RUNS_COLLECTION, RunLedger } from "../../runtime/monitoring/run-ledger";
import type { RunRecord } from "../../runtime/monitoring/run-record";
import { SimulatedTime } from "../../runtime/monitoring/simulated-time";
import { sweepStuckRuns } from "../../runtime/monitoring/stuck-sweeper";
import { openGcpPlatform } from "../../runtime/platform/gcp/open-gcp-platform";
import type { ClosablePlatform } from "../../runtime/platform/platform";
import type { Notification } from "../../runtime/platform/ports/notifier";
import { runProcessor } from "../../runtime/processors/base/run-processor";
import { capturedLogger } from "../support/captured-logger";
import { startGcpTestEnv, type GcpTestEnv } from "../support/gcp-test-env";

const DATE = "2025-03-15";
const realPause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The heartbeat on GCP: the real Firestore client against the Firestore test server. A run beats,
 * then its process dies in the middle of the run (its timers go with it, nothing writes a
 * terminal state); the every-minute sweeper, reading the same Firestore, fails the run once,
 * alerts once, and leaves no heartbeat saying "running".
 */
describe("heartbeats in Firestore when a run's process stops mid-run", () => {
  let testEnv: GcpTestEnv;
  let gcp: ClosablePlatform;
  const time = new SimulatedTime(DRILL_START);
  const alerts: Notification[] = [];
  const { logger, events } = capturedLogger();

  beforeAll(async () => {
    testEnv = await startGcpTestEnv({ component: "analytics-processors" });
    gcp = await openGcpPlatform(testEnv.env, { clock: time });
  });
  afterAll(async () => {
    await gcp.close();
    await testEnv.stop();
  });

  test("one document per (processor, scope), TTL as a Timestamp, writes a second apart; the sweeper fails the dead run once", async () => {
    const store = new ObservedDocStore(gcp.docStore, () => time.elapsedMs());
    const platform = {
      ...gcp,
      docStore: store,
      clock: time,
      logger,
      ledger: new RunLedger(store, time, logger),
      notifier: { notify: (n: Notification) => (alerts.push(n), Promise.resolve()) },
      heartbeat: { intervalSeconds: 30, timer: time },
    };
    void runProcessor(platform, {
      ...processorSpec("team_offense_game_summary"),
      scope: DATE,
      gameDate: DATE,
      sourceKind: "sim",
      work: async (progress) => {
        progress.report("extract", 0, 2);
        await time.sleep(40_000);
        progress.report("extract", 1, 2);
        return new Promise(() => undefined);
      },
    });
    // Beats at 1 s, 30 s and 60 s; progress moves at 40 s. The ledger's start goes through Firestore (real I/O): let the run reach its work before time moves.
    for (let i = 0; i < 500 && store.writesTo(RUNS_COLLECTION).length === 0; i++) await realPause(10);
    await realPause(300);
    for (let s = 0; s < 65; s++) {
      await time.advance(1_000);
      await realPause(5);
    }
    await realPause(200);
    time.discardTimers();

    const raw = new Firestore({ projectId: testEnv.project, host: testEnv.env.FIRESTORE_EMULATOR_HOST, ssl: false });
    try {
      const beats = await raw.collection(HEARTBEATS_COLLECTION).get();
      expect(beats.size).toBe(1);
      const beat = beats.docs[0]!.data();
      expect(beat).toMatchObject({ status: "running", progress: { stage: "extract", done: 1, total: 2 } });
      expect(beat.expire_at).toBeInstanceOf(Timestamp);

      const heartbeatWrites = store.writesTo(HEARTBEATS_COLLECTION).map((w) => w.atMs);
      expect(heartbeatWrites.length).toBeGreaterThanOrEqual(2);
      for (let i = 1; i < heartbeatWrites.length; i++) expect(heartbeatWrites[i]! - heartbeatWrites[i - 1]!).toBeGreaterThanOrEqual(1000);

      const sweeper = { ...platform, docStore: gcp.docStore, ledger: new RunLedger(gcp.docStore, time, logger) };
      for (let minute = 0; minute < 5; minute++) {
        await time.advance(60_000);
        await sweepStuckRuns(sweeper);
      }
      const runs = (await gcp.docStore.query(RUNS_COLLECTION, [])).map((d) => d.data as unknown as RunRecord);
      expect(runs).toEqual([expect.objectContaining({ processor_name: "team_offense_game_summary", status: "failed", error_type: "stuck_dead" })]);
      expect(alerts.filter((a) => a.severity === "critical")).toHaveLength(1);
      expect(events.filter((e) => e.event === "run_stuck")).toHaveLength(1);
      const after = await raw.collection(HEARTBEATS_COLLECTION).get();
      expect(after.size).toBe(1);
      expect(after.docs[0]!.data().status).not.toBe("running");
    } finally {
      await raw.terminate();
    }
  });
});
