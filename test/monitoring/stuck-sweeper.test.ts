import { openDrillEnv, type DrillEnv } from "../../runtime/drills/heartbeat/drill-env";
import { HEARTBEATS_COLLECTION, heartbeatDocumentSchema, heartbeatId, type HeartbeatDocument } from "../../runtime/monitoring/heartbeat-document";
import { startRunHeartbeat } from "../../runtime/monitoring/run-heartbeat";
import type { RunRecord } from "../../runtime/monitoring/run-record";
import { planStuckSweep, type StuckInput } from "../../runtime/monitoring/stuck-detector";
import { sweepStuckRuns } from "../../runtime/monitoring/stuck-sweeper";
import { useTempDir } from "../support/temp-dir";

const NOW = new Date("2025-03-16T10:10:00.000Z");
const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000).toISOString();

function run(overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    run_id: "r1", processor_name: "player_game_summary", phase: "phase_3_analytics", scope: "2025-03-15", game_date: "2025-03-15", correlation_id: "r1",
    trigger_source: "manual", status: "running", started_at: ago(300), finished_at: null, duration_ms: null, records_received: null, rows_written: 0,
    rows_inserted: 0, rows_updated: 0, rows_quarantined: 0, rows_filtered: 0, empty_reason: null, error_type: null, error_message: null, expire_at: ago(-86400), source_kind: "sim", owner_pid: 1, owner_host: "test",
    ...overrides,
  };
}

function beat(overrides: Partial<HeartbeatDocument> = {}): { id: string; doc: HeartbeatDocument } {
  const doc: HeartbeatDocument = {
    processor_name: "player_game_summary", phase: "phase_3_analytics", scope: "2025-03-15", run_id: "r1", status: "running", started_at: ago(300),
    last_beat_at: ago(10), progress: { stage: "extract", done: 1, total: 3 }, last_progress_at: ago(10), host: "h:1", attempt: 1, interval_seconds: 30,
    stall_limit_seconds: 600, republishes: 0, trigger: null, finished_at: null, error_type: null, expire_at: ago(-86400),
    ...overrides,
  };
  return { id: heartbeatId("phase_3_analytics", doc.processor_name, doc.scope), doc };
}

const input = (overrides: Partial<StuckInput>): StuckInput => ({
  now: NOW, runningRuns: [], runningHeartbeats: [], endedRuns: new Map(), defaultIntervalSeconds: 30, stallLimitFor: () => 600, ...overrides,
});

describe("judging stuck runs (pure)", () => {
  test("dead after 3 missed beats plus half a beat; not a moment before", () => {
    expect(planStuckSweep(input({ runningRuns: [run()], runningHeartbeats: [beat({ last_beat_at: ago(104) })] })).stuck).toEqual([]);
    const [verdict] = planStuckSweep(input({ runningRuns: [run()], runningHeartbeats: [beat({ last_beat_at: ago(106) })] })).stuck;
    expect(verdict).toMatchObject({ code: "stuck_dead", runId: "r1", idleSeconds: 106, limitSeconds: 105, inLedger: true });
  });

  test("stalled once progress has not moved for the declared limit, while it still beats", () => {
    expect(planStuckSweep(input({ runningRuns: [run()], runningHeartbeats: [beat({ last_progress_at: ago(599) })] })).stuck).toEqual([]);
    expect(planStuckSweep(input({ runningRuns: [run()], runningHeartbeats: [beat({ last_progress_at: ago(600) })] })).stuck).toEqual([
      expect.objectContaining({ code: "stuck_stalled", idleSeconds: 600, limitSeconds: 600 }),
    ]);
  });

  test("another run's heartbeat in the same document says nothing about this run: it is judged from its start, against its stall limit", () => {
    const other = beat({ run_id: "newer", last_beat_at: ago(1) });
    expect(planStuckSweep(input({ runningRuns: [run({ started_at: ago(500) })], runningHeartbeats: [other] })).stuck).toEqual([]);
    expect(planStuckSweep(input({ runningRuns: [run({ started_at: ago(601) })], runningHeartbeats: [other] })).stuck).toEqual([expect.objectContaining({ code: "stuck_dead", runId: "r1", heartbeatId: null })]);
  });

  test("a heartbeat saying running for a run the ledger ended is reconciled to the ledger's end, not failed", () => {
    const plan = planStuckSweep(input({ runningHeartbeats: [beat({ last_beat_at: ago(500) })], endedRuns: new Map([["r1", run({ status: "no_data" })]]) }));
    expect(plan).toEqual({ stuck: [], reconcile: [{ heartbeatId: beat().id, runId: "r1", status: "completed" }] });
  });
});

describe("the stuck sweeper", () => {
  const dir = useTempDir("sweeper");
  let env: DrillEnv;
  let n = 0;
  beforeEach(async () => {
    env = await openDrillEnv(`${dir()}/${n++}`);
  });
  afterEach(() => env.platform.close());

  const startRun = async (trigger?: { topic: string; body: unknown }) => {
    const record = await env.platform.ledger.start({ processorName: "nbac_player_boxscores", phase: "phase_2_raw", scope: "2025-03-15", gameDate: "2025-03-15", sourceKind: "sim" });
    const heartbeat = startRunHeartbeat(env.platform, record, { stallLimitSeconds: 300, trigger });
    return { record, heartbeat };
  };
  const doc = async () => heartbeatDocumentSchema.parse(await env.platform.docStore.get(HEARTBEATS_COLLECTION, heartbeatId("phase_2_raw", "nbac_player_boxscores", "2025-03-15")));

  test("fails a dead run once (stuck_dead), ends its heartbeat, logs run_stuck, alerts once and republishes its trigger", async () => {
    const trigger = { topic: "nba-phase1-scrapers-complete", body: { processor_name: "nbac_player_boxscore", game_date: "2025-03-15" } };
    const { record } = await startRun(trigger);
    await env.time.advance(2_000);
    env.time.discardTimers();
    await env.time.advance(102_000);
    expect((await sweepStuckRuns(env.platform)).stuck).toEqual([]);
    // The last beat was at 1 s: 105 s of silence is the limit, one more second is past it.
    await env.time.advance(3_000);
    const report = await sweepStuckRuns(env.platform);
    expect(report.stuck).toEqual([expect.objectContaining({ run_id: record.run_id, code: "stuck_dead", republished: true })]);
    expect(await env.platform.ledger.get(record.run_id)).toMatchObject({ status: "failed", error_type: "stuck_dead", finished_at: env.time.now().toISOString() });
    expect(await doc()).toMatchObject({ status: "failed", error_type: "stuck_dead", republishes: 1 });
    expect(env.logs.filter((l) => l.event === "run_stuck")).toEqual([expect.objectContaining({ processor_name: "nbac_player_boxscores", code: "stuck_dead", run_id: record.run_id })]);
    expect(env.platform.bus.published.filter((m) => m.topic === trigger.topic).map((m) => m.body)).toEqual([trigger.body]);
    await env.time.advance(60_000);
    expect((await sweepStuckRuns(env.platform)).stuck).toEqual([]);
    expect(env.alerts).toHaveLength(1);
    expect(env.alerts[0]).toMatchObject({ severity: "critical", context: expect.objectContaining({ run_id: record.run_id, error_type: "stuck_dead" }) });
    expect(await env.platform.ledger.running()).toEqual([]);
  });

  test("a heartbeat that cannot be ended does not cost the alert: the ledger decides once, the next sweep fixes the heartbeat", async () => {
    const { record } = await startRun();
    await env.time.advance(2_000);
    env.time.discardTimers();
    await env.time.advance(200_000);
    const store = env.platform.docStore;
    const brokenWrites = {
      get: store.get.bind(store),
      set: store.set.bind(store),
      update: store.update.bind(store),
      query: store.query.bind(store),
      transaction: () => Promise.reject(new Error("heartbeat write refused")),
    };
    const report = await sweepStuckRuns({ ...env.platform, docStore: brokenWrites });
    expect(report.stuck).toEqual([expect.objectContaining({ run_id: record.run_id, code: "stuck_dead" })]);
    expect(env.alerts).toHaveLength(1);
    expect((await doc()).status).toBe("running");
    await env.time.advance(60_000);
    expect(await sweepStuckRuns(env.platform)).toMatchObject({ stuck: [], reconciled: [{ run_id: record.run_id, status: "failed" }] });
    expect(env.alerts).toHaveLength(1);
  });

  test("republishes a scope's trigger no more than the limit", async () => {
    const trigger = { topic: "nba-phase1-scrapers-complete", body: { n: 1 } };
    for (let i = 0; i < 3; i++) {
      await startRun(trigger);
      await env.time.advance(2_000);
      env.time.discardTimers();
      await env.time.advance(200_000);
      await sweepStuckRuns(env.platform, { republishLimit: 2 });
    }
    expect(env.platform.bus.published.filter((m) => m.topic === trigger.topic)).toHaveLength(2);
    expect(env.alerts).toHaveLength(3);
    expect((await doc()).republishes).toBe(2);
  });

  test("a run that ended while its heartbeat still says running is reconciled without an alert", async () => {
    const { record } = await startRun();
    await env.time.advance(2_000);
    env.time.discardTimers();
    await env.platform.ledger.finish(record, { status: "success", rowsWritten: 3 });
    await env.time.advance(300_000);
    const report = await sweepStuckRuns(env.platform);
    expect(report).toMatchObject({ stuck: [], reconciled: [{ run_id: record.run_id, status: "completed" }] });
    expect((await doc()).status).toBe("completed");
    expect(env.alerts).toEqual([]);
  });

  test("failRunning leaves a run that already ended alone", async () => {
    const { record } = await startRun();
    await env.platform.ledger.finish(record, { status: "success", rowsWritten: 3 });
    expect(await env.platform.ledger.failRunning(record.run_id, "stuck_dead", "x")).toBeNull();
    expect(await env.platform.ledger.get(record.run_id)).toMatchObject({ status: "success", error_type: null });
  });

  test("refuses to judge when the heartbeats cannot be read, instead of calling every run dead", async () => {
    await startRun();
    await env.time.advance(2_000);
    env.time.discardTimers();
    env.store.setDown(HEARTBEATS_COLLECTION, true);
    await env.time.advance(600_000);
    await expect(sweepStuckRuns(env.platform)).rejects.toThrow(/unavailable/);
    expect((await env.platform.ledger.running())).toHaveLength(1);
  });
});
