import pino from "pino";
import { ObservedDocStore } from "../../runtime/drills/heartbeat/observed-doc-store";
import { Heartbeat } from "../../runtime/monitoring/heartbeat";
import { HEARTBEATS_COLLECTION, heartbeatDocumentSchema, heartbeatId } from "../../runtime/monitoring/heartbeat-document";
import { heartbeatSettingsFromEnv } from "../../runtime/monitoring/heartbeat-settings";
import { SimulatedTime } from "../../runtime/monitoring/simulated-time";
import type { DocTransaction } from "../../runtime/platform/ports/doc-store";
import { MemoryDocStore } from "../support/memory-doc-store";

const START = Date.parse("2025-03-16T10:00:00.000Z");
const ID = heartbeatId("phase_3_analytics", "player_game_summary", "2025-03-15");

/** A memory store that can be made to never answer (a hung store). */
class HangingStore extends MemoryDocStore {
  hang = false;
  override transaction<T>(work: (tx: DocTransaction) => Promise<T>): Promise<T> {
    return this.hang ? new Promise<T>(() => undefined) : super.transaction(work);
  }
}

function setup(intervalSeconds = 30) {
  const time = new SimulatedTime(new Date(START));
  const inner = new HangingStore();
  const store = new ObservedDocStore(inner, () => time.elapsedMs() - START);
  const logs: Record<string, unknown>[] = [];
  const logger = pino({ level: "info" }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  const deps = { store, clock: time, logger, settings: { intervalSeconds, timer: time } };
  const start = (runId = "run-1") =>
    Heartbeat.start(deps, { phase: "phase_3_analytics", processorName: "player_game_summary", scope: "2025-03-15", runId, startedAt: time.now().toISOString(), stallLimitSeconds: 600 });
  const doc = async () => heartbeatDocumentSchema.parse(await store.get(HEARTBEATS_COLLECTION, ID));
  const writes = () => store.writesTo(HEARTBEATS_COLLECTION);
  const at = (seconds: number) => new Date(START + seconds * 1000).toISOString();
  return { time, store, inner, logs, start, doc, writes, at };
}

describe("the heartbeat of a run", () => {
  test("beats once the run has lasted a second, then every interval with the latest progress, and ends completed", async () => {
    const { time, start, doc, writes, at } = setup();
    const beat = start();
    await time.advance(500);
    expect(writes()).toHaveLength(0);
    await time.advance(500);
    expect(writes()).toHaveLength(1);
    await time.advance(9_000);
    beat.report("extract", 5, 10);
    await time.advance(20_000);
    expect(await doc()).toMatchObject({ status: "running", run_id: "run-1", last_beat_at: at(30), progress: { stage: "extract", done: 5, total: 10 }, last_progress_at: at(10), interval_seconds: 30, attempt: 1 });
    await time.advance(65_000);
    await beat.end("completed");
    expect(writes().map((w) => [w.atMs / 1000, w.doc.status])).toEqual([
      [1, "running"],
      [30, "running"],
      [60, "running"],
      [90, "running"],
      [95, "completed"],
    ]);
    expect(await doc()).toMatchObject({ status: "completed", finished_at: at(95), error_type: null });
  });

  test("a run shorter than a second writes only its terminal state", async () => {
    const { start, doc, writes } = setup();
    await start().end("failed", "QUARANTINED");
    expect(writes()).toHaveLength(1);
    expect(await doc()).toMatchObject({ status: "failed", error_type: "QUARANTINED" });
  });

  test("writes to its document are at least a second apart, even at a 1 s interval and an end right after a beat", async () => {
    const { time, start, writes } = setup(1);
    const beat = start();
    for (let i = 0; i < 40; i++) {
      beat.report("load", i, 40);
      await time.advance(250);
    }
    const ending = beat.end("completed");
    await time.advance(1_000);
    await ending;
    const times = writes().map((w) => w.atMs);
    expect(times.length).toBeGreaterThanOrEqual(10);
    expect(writes().at(-1)?.doc.status).toBe("completed");
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(1000);
  });

  test("a store outage is logged and counted, never thrown, and the next beat after it writes the whole state", async () => {
    const { time, store, logs, start, doc } = setup();
    store.setDown(HEARTBEATS_COLLECTION, true);
    const beat = start();
    beat.report("transform", 3, 9);
    await time.advance(65_000);
    expect(beat.writeFailures).toBe(3);
    expect(logs.filter((l) => l.event === "heartbeat_write_failed")).toHaveLength(3);
    expect(logs[0]).toMatchObject({ level: 40, processor_name: "player_game_summary", scope: "2025-03-15", run_id: "run-1" });
    store.setDown(HEARTBEATS_COLLECTION, false);
    await time.advance(30_000);
    expect(await doc()).toMatchObject({ status: "running", progress: { stage: "transform", done: 3, total: 9 } });
    await beat.end("completed");
    expect((await doc()).status).toBe("completed");
  });

  test("a store that never answers counts as a failed write after the timeout and does not hold up the end", async () => {
    const { time, inner, start, doc } = setup();
    inner.hang = true;
    const beat = start();
    await time.advance(1_000);
    await time.advance(10_000);
    expect(beat.writeFailures).toBe(1);
    inner.hang = false;
    const ending = beat.end("completed");
    await time.advance(1_000);
    await ending;
    expect((await doc()).status).toBe("completed");
  });

  test("a newer run of the same scope owns the document: the older run's end does not overwrite it", async () => {
    const { time, start, doc } = setup();
    const older = start("run-old");
    await time.advance(2_000);
    const newer = start("run-new");
    await time.advance(2_000);
    await older.end("failed", "EXCEPTION");
    expect(await doc()).toMatchObject({ run_id: "run-new", status: "running", attempt: 2 });
    await newer.end("completed");
    expect(await doc()).toMatchObject({ run_id: "run-new", status: "completed" });
  });

  test("once a run was ended by the sweeper, its later beats do not revive it", async () => {
    const { time, store, start, doc } = setup();
    start("run-1");
    await time.advance(2_000);
    await store.set(HEARTBEATS_COLLECTION, ID, { ...(await doc()), status: "failed", error_type: "stuck_stalled" });
    await time.advance(60_000);
    expect(await doc()).toMatchObject({ status: "failed", error_type: "stuck_stalled" });
  });

  test("attempt counts the runs of a scope; republishes carry over a failed run and reset after a completed one", async () => {
    const { time, store, start, doc } = setup();
    await start("a").end("failed", "X");
    await store.set(HEARTBEATS_COLLECTION, ID, { ...(await doc()), republishes: 1 });
    await time.advance(2_000);
    await start("b").end("completed");
    expect(await doc()).toMatchObject({ run_id: "b", attempt: 2, republishes: 1 });
    await time.advance(2_000);
    await start("c").end("completed");
    expect(await doc()).toMatchObject({ run_id: "c", attempt: 3, republishes: 0 });
  });
});

describe("heartbeat settings", () => {
  test("default to a 30 s interval; the variable overrides it; a bad value is an error naming the variable", () => {
    expect(heartbeatSettingsFromEnv({}).intervalSeconds).toBe(30);
    expect(heartbeatSettingsFromEnv({ NBA_PROPS_HEARTBEAT_INTERVAL_SECONDS: "5" }).intervalSeconds).toBe(5);
    expect(() => heartbeatSettingsFromEnv({ NBA_PROPS_HEARTBEAT_INTERVAL_SECONDS: "0.5" })).toThrow(/NBA_PROPS_HEARTBEAT_INTERVAL_SECONDS=0.5: at least 1 second/);
    expect(() => heartbeatSettingsFromEnv({ NBA_PROPS_HEARTBEAT_INTERVAL_SECONDS: "soon" })).toThrow(/NBA_PROPS_HEARTBEAT_INTERVAL_SECONDS=soon/);
  });
});
