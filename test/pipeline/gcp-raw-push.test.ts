import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { nbacSchedule } from "../../runtime/catalog/tables/nbac-schedule";
import { parseSchedulePayload } from "../../runtime/processors/raw/nbac-schedule";
import { RUNS_COLLECTION } from "../../runtime/monitoring/run-ledger";
import type { RunRecord } from "../../runtime/monitoring/run-record";
import { buildCompletionMessage } from "../../runtime/messages/completion-message";
import { buildPushEnvelope } from "../../runtime/messages/push-envelope";
import { COMPLETION_TOPIC } from "../../runtime/messages/phase-topics";
import { openGcpPlatform } from "../../runtime/platform/gcp/open-gcp-platform";
import type { ClosablePlatform } from "../../runtime/platform/platform";
import { fixedClock } from "../../runtime/platform/ports/clock";
import type { Notification } from "../../runtime/platform/ports/notifier";
import { RAW_SUBSCRIPTION } from "../../runtime/processors/raw/raw-consumer";
import { startRoleServer, type RoleServer } from "../../runtime/serve/role-server";
import { startGcpTestEnv, type GcpTestEnv } from "../support/gcp-test-env";
import { describeWithSamples, samplePath } from "../support/samples";

const DATE = "2025-03-15";
const OBJECT = `nba-com/nbac_player_boxscore/${DATE}/2025-03-16T09-00-00-000Z.json`;
const CORRUPT = `nba-com/nbac_player_boxscore/${DATE}/2025-03-16T09-30-00-000Z.json`;
/** The same rows in other bytes (a trailing newline): a new input, so the run writes instead of skipping. */
const RESCRAPED = `nba-com/nbac_player_boxscore/${DATE}/2025-03-16T10-00-00-000Z.json`;
const RESCRAPED_AGAIN = `nba-com/nbac_player_boxscore/${DATE}/2025-03-16T11-00-00-000Z.json`;

type Outcome = { readonly kind: "ack" } | { readonly kind: "retry" };

/**
 * A phase-1 push, as Pub/Sub delivers it to `serve --role raw-processors` (HTTP, the push
 * envelope) on the GCP platform against the loopback test servers: the real 2025-03-15
 * leaguegamelog in the fake bucket, BigQuery and Pub/Sub recording what the adapters send.
 */
describeWithSamples("serve --role raw-processors on the GCP platform (real 2025-03-15 leaguegamelog)", () => {
  let testEnv: GcpTestEnv;
  let platform: ClosablePlatform;
  let server: RoleServer;
  const alerts: Notification[] = [];
  const runs: RunRecord[] = [];

  /** The raw processor's run records in Firestore (the clock is fixed, so runs are told apart by id). */
  const rawRuns = async (): Promise<RunRecord[]> =>
    (await platform.docStore.query(RUNS_COLLECTION, [{ field: "processor_name", op: "==", value: "nbac_player_boxscores" }])).map((d) => d.data as unknown as RunRecord);

  /** POSTs the push envelope; 2xx is an ack, 5xx asks Pub/Sub to redeliver. */
  const push = async (objectPath: string, messageId: string): Promise<Outcome> => {
    const envelope = buildPushEnvelope(message(objectPath, messageId), { messageId, subscription: `projects/${testEnv.project}/subscriptions/${RAW_SUBSCRIPTION}`, deliveryAttempt: 1 });
    const before = new Set((await rawRuns()).map((r) => r.run_id));
    const response = await fetch(`${server.url}/pubsub/phase1`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(envelope) });
    await response.text();
    const added = (await rawRuns()).filter((r) => !before.has(r.run_id));
    if (added.length !== 1) throw new Error(`expected one new run record per push, found ${added.length}`);
    runs.push(added[0]!);
    if (response.status >= 200 && response.status < 300) return { kind: "ack" };
    if (response.status >= 500) return { kind: "retry" };
    throw new Error(`unexpected HTTP ${response.status}`);
  };
  const message = (objectPath: string, messageId: string) =>
    buildCompletionMessage({
        processor_name: "nbac_player_boxscore",
        phase: "phase_1_scrapers",
        execution_id: `scrape-${messageId}`,
        correlation_id: "corr-1",
        game_date: DATE,
        status: "success",
        timestamp: "2025-03-16T09:00:00.000Z",
        trigger_source: "scheduler",
        record_count: 157,
        metadata: { gcs_path: `gs://${testEnv.bucket}/${objectPath}`, object_path: objectPath, scope_key: DATE, source: "stats.nba.com leaguegamelog", source_kind: "replay" },
      });
  const phase2 = () => testEnv.pubsub.published.filter((m) => m.topic === COMPLETION_TOPIC.phase_2_raw).map((m) => m.json as Record<string, unknown>);
  const jobsFor = (table: string) => testEnv.bigquery.jobs.filter((j) => JSON.stringify(j.configuration).includes(table) || (j.query ?? "").includes(table));

  beforeAll(async () => {
    testEnv = await startGcpTestEnv();
    testEnv.storage.seed(testEnv.bucket, OBJECT, readFileSync(samplePath("nbac_player_boxscore", DATE, "leaguegamelog.json")));
    testEnv.storage.seed(testEnv.bucket, CORRUPT, '{"resultSets": [');
    testEnv.storage.seed(testEnv.bucket, RESCRAPED, `${readFileSync(samplePath("nbac_player_boxscore", DATE, "leaguegamelog.json"), "utf8")}\n`);
    testEnv.storage.seed(testEnv.bucket, RESCRAPED_AGAIN, `${readFileSync(samplePath("nbac_player_boxscore", DATE, "leaguegamelog.json"), "utf8")}\n\n`);
    const opened = await openGcpPlatform(testEnv.env, { clock: fixedClock("2025-03-16T10:00:00.000Z") });
    // The box scores are judged against the schedule's final games of the date: load the real schedule's day.
    const schedule = parseSchedulePayload(JSON.parse(gunzipSync(readFileSync(samplePath("nbac_schedule/2024-25/schedule.json.gz"))).toString("utf8")), {
      source: "schedule.json.gz",
      objectUri: "gs://test/schedule.json",
      scope: "2024-25",
      gameDate: DATE,
      processedAt: "2025-03-16T08:00:00.000Z",
    });
    await opened.warehouse.merge(nbacSchedule, schedule.rows.filter((r) => r.game_date === DATE).map((r) => ({ ...r, source_kind: "replay" })));
    platform = { ...opened, notifier: { notify: (n) => (alerts.push(n), Promise.resolve()) } };
    server = await startRoleServer(platform, { role: "raw-processors", port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await server.shutdown("test finished");
    await platform.close();
    await testEnv.stop();
  });

  test("one load job and one MERGE write 157 rows, and the phase-2 completion is published to Pub/Sub", async () => {
    expect(await push(OBJECT, "m-1")).toEqual({ kind: "ack" });
    expect(runs.at(-1)).toMatchObject({ processor_name: "nbac_player_boxscores", status: "success", rows_written: 157, rows_inserted: 157, rows_updated: 0 });
    const jobs = jobsFor("nbac_player_boxscores");
    expect(jobs.map((j) => [j.kind, j.kind === "load" ? j.rowsLoaded : j.statementType])).toEqual([
      ["load", 157],
      ["query", "MERGE"],
    ]);
    expect(jobs[1]!.dmlStats).toMatchObject({ insertedRowCount: "157", updatedRowCount: "0" });
    expect(jobs.every((j) => j.labels.processor === "nbac_player_boxscores" && j.labels.run_id === runs.at(-1)!.run_id)).toBe(true);
    expect(await testEnv.bigquery.rows("nba_raw", "nbac_player_boxscores")).toHaveLength(157);
    expect(phase2()).toEqual([expect.objectContaining({ processor_name: "nbac_player_boxscores", status: "success", record_count: 157, game_date: DATE })]);
  });

  test("the same push delivered again changes nothing and publishes a completion that says so", async () => {
    const jobsBefore = jobsFor("nbac_player_boxscores").length;
    expect(await push(OBJECT, "m-1")).toEqual({ kind: "ack" });
    // The same input (by content hash) was loaded by the first run: nothing is written again.
    expect(runs.at(-1)).toMatchObject({ status: "success", rows_written: 0, duplicate_of: runs.at(-2)!.run_id });
    expect(jobsFor("nbac_player_boxscores")).toHaveLength(jobsBefore);
    expect(await testEnv.bigquery.rows("nba_raw", "nbac_player_boxscores")).toHaveLength(157);
    expect(phase2().at(-1)).toMatchObject({ status: "success", record_count: 0, metadata: expect.objectContaining({ duplicate_of: runs.at(-2)!.run_id }) as unknown });
  });

  test("the same rows in a new file merge onto the stored ones: nothing inserted, nothing duplicated", async () => {
    expect(await push(RESCRAPED, "m-5")).toEqual({ kind: "ack" });
    expect(runs.at(-1)).toMatchObject({ status: "success", rows_inserted: 0, rows_updated: 157 });
    expect(await testEnv.bigquery.rows("nba_raw", "nbac_player_boxscores")).toHaveLength(157);
  });

  test("a corrupt payload is acknowledged, recorded and alerted once, and writes nothing", async () => {
    const jobsBefore = testEnv.bigquery.jobs.length;
    const alertsBefore = alerts.length;
    expect(await push(CORRUPT, "m-2")).toEqual({ kind: "ack" });
    expect(runs.at(-1)).toMatchObject({ status: "failed", error_type: "INPUT_INVALID" });
    expect(alerts.slice(alertsBefore)).toEqual([expect.objectContaining({ severity: "error", title: `nbac_player_boxscores failed for ${DATE}` })]);
    expect(testEnv.bigquery.jobs.length).toBe(jobsBefore);
  });

  test("a push during a BigQuery outage (503) asks for redelivery", async () => {
    testEnv.bigquery.inject({ status: 503, reason: "backendError", message: "The service is currently unavailable.", times: Infinity });
    try {
      const outcome = await push(RESCRAPED, "m-3");
      expect(outcome).toMatchObject({ kind: "retry" });
      expect(runs.at(-1)).toMatchObject({ status: "failed", error_type: "TRANSIENT" });
    } finally {
      testEnv.bigquery.clearErrors();
    }
  });

  test("a streaming-buffer conflict postpones the write: redelivery asked, nothing written twice", async () => {
    const merges = testEnv.bigquery.jobs.filter((j) => j.statementType === "MERGE").length;
    testEnv.bigquery.setStreamingBuffer("nba_raw", "nbac_player_boxscores", true);
    try {
      expect(await push(RESCRAPED_AGAIN, "m-4")).toMatchObject({ kind: "retry" });
      expect(runs.at(-1)).toMatchObject({ status: "failed", error_type: "WRITE_POSTPONED", rows_written: 0 });
    } finally {
      testEnv.bigquery.setStreamingBuffer("nba_raw", "nbac_player_boxscores", false);
    }
    expect(testEnv.bigquery.jobs.filter((j) => j.statementType === "MERGE").length).toBe(merges + 1);
    expect(await testEnv.bigquery.rows("nba_raw", "nbac_player_boxscores")).toHaveLength(157);
  });
});
