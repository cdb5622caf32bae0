import { nbacPlayerBoxscores } from "../../runtime/catalog";
import { RUNS_COLLECTION } from "../../runtime/monitoring/run-ledger";
import { TransientError } from "../../runtime/platform/ports/transient-error";
import { sql, tableRef } from "../../runtime/platform/sql";
import { runScraper } from "../../runtime/scrapers/base/run-scraper";
import { runRawProcessors } from "../../runtime/processors/raw/raw-consumer";
import type { CompletionMessage } from "../../runtime/messages/completion-message";
import { scraperDefinitions } from "../../runtime/scrapers";
import { SimSource } from "../../runtime/scrapers/sources/sim-source";
import { PHASE_COMPLETIONS } from "../../runtime/orchestration/completion-state";
import type { RoleRoutes } from "../../runtime/serve/role-routes";
import { serveRole, type ServedRole } from "../support/served-role";
import { openTestPlatform, type TestPlatform } from "../support/test-platform";

const PHASE1 = "nba-phase1-scrapers-complete--raw-processors";
const sim = new SimSource(20250315, "2025-03-20");

/** Runs a scraper on the platform and returns the phase-1 completion it published (nobody consumes it in-process). */
async function phase1Message(platform: TestPlatform, scraper: string, key: string, gameDate: string): Promise<Record<string, unknown>> {
  const definition = scraperDefinitions.find((s) => s.spec.name === scraper)!;
  if (definition.spec.scope === "date") {
    // Box scores are judged against the schedule's games for the date: load the sim season's schedule first.
    const schedule = scraperDefinitions.find((s) => s.spec.name === "nbac_schedule")!;
    await runScraper(platform, { scraper: schedule, scope: { key: "2024-25", gameDate }, source: sim });
    const scheduleMessage = platform.bus.published.filter((m) => m.topic === "nba-phase1-scrapers-complete").at(-1)!.body as CompletionMessage;
    await runRawProcessors(platform, scheduleMessage, "schedule");
  }
  await runScraper(platform, { scraper: definition, scope: { key, gameDate }, source: sim });
  return platform.bus.published.filter((m) => m.topic === "nba-phase1-scrapers-complete").at(-1)!.body as Record<string, unknown>;
}

const playerRows = async (platform: TestPlatform): Promise<number> =>
  Number((await platform.warehouse.query(sql`SELECT COUNT(*) AS n FROM ${tableRef(nbacPlayerBoxscores)}`))[0]?.n);

describe("serve --role raw-processors", () => {
  let served: ServedRole;
  beforeEach(async () => {
    served = await serveRole("raw-processors");
  });
  afterEach(() => served.stop());

  test("health: live always, ready when the warehouse and the doc store answer", async () => {
    const live = await fetch(`${served.server.url}/health/live`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${served.server.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", role: "raw-processors", checks: { warehouse: "ok", doc_store: "ok" } });
  });

  test("a phase-1 push runs the raw processor, and the same push again writes the same rows once", async () => {
    const message = await phase1Message(served.platform, "nbac_player_boxscore", "2025-03-15", "2025-03-15");
    const first = await served.push("/pubsub/phase1", message, { subscription: PHASE1 });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ status: "done", runs: [{ processor: "nbac_player_boxscores", scope: "2025-03-15", status: "success" }] });
    const rows = await playerRows(served.platform);
    expect(rows).toBeGreaterThan(100);
    const again = await served.push("/pubsub/phase1", message, { subscription: PHASE1 });
    expect(again.status).toBe(200);
    expect(await playerRows(served.platform)).toBe(rows);
    const phase2 = served.platform.bus.published
      .filter((m) => m.topic === "nba-phase2-raw-complete")
      .map((m) => m.body as Record<string, unknown>)
      .filter((m) => m.processor_name === "nbac_player_boxscores");
    // The same input again is recognised by its content hash: nothing is written twice.
    expect(phase2).toEqual([
      expect.objectContaining({ status: "success", record_count: rows, trigger_source: "pubsub" }),
      expect.objectContaining({ status: "success", record_count: 0, metadata: expect.objectContaining({ duplicate_of: expect.any(String) }) }),
    ]);
  });

  test("a corrupt payload is answered 2xx, recorded as a failed run and alerted once", async () => {
    const message = await phase1Message(served.platform, "nbac_player_boxscore", "2025-03-15", "2025-03-15");
    const meta = message.metadata as Record<string, string>;
    await served.platform.objectStore.put(meta.object_path!, "{ not json");
    const alertsBefore = served.platform.alerts.length;
    const answer = await served.push("/pubsub/phase1", message, { subscription: PHASE1 });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ status: "done", runs: [{ status: "failed", error_message: expect.stringContaining("not valid JSON") }] });
    expect(served.platform.alerts.length - alertsBefore).toBe(1);
    const runs = await served.platform.docStore.query(RUNS_COLLECTION, [{ field: "processor_name", op: "==", value: "nbac_player_boxscores" }]);
    expect(runs.map((r) => [r.data.status, r.data.error_type])).toEqual([["failed", "INPUT_INVALID"]]);
  });

  test("a message that is not a completion is acknowledged, logged with its reason and alerted once", async () => {
    const answer = await served.push("/pubsub/phase1", { hello: "world" }, { subscription: PHASE1, messageId: "bad-1" });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ status: "rejected", reason: expect.stringContaining("processor_name") });
    expect(served.platform.alerts).toEqual([expect.stringContaining("raw-processors rejected a message")]);
    expect(served.events).toContainEqual(expect.objectContaining({ event: "push_rejected", message_id: "bad-1", subscription: PHASE1 }));
  });

  test("message data that is not JSON is rejected the same way", async () => {
    const envelope = { message: { data: Buffer.from("\u0001nope").toString("base64"), messageId: "x" }, subscription: `projects/p/subscriptions/${PHASE1}` };
    const answer = await served.post("/pubsub/phase1", JSON.stringify(envelope));
    expect(answer).toMatchObject({ status: 200, json: { status: "rejected", reason: expect.stringContaining("not JSON") } });
  });

  test("HTTP mistakes get clear 4xx answers", async () => {
    expect(await served.post("/pubsub/nowhere", "{}")).toMatchObject({ status: 404, json: { error: expect.stringContaining("/pubsub/phase1") } });
    expect(await served.post("/pubsub/phase1", "{}", { "content-type": "text/plain" })).toMatchObject({ status: 415, json: { error: expect.stringContaining("application/json") } });
    expect(await served.post("/pubsub/phase1", "{")).toMatchObject({ status: 400, json: { error: expect.stringContaining("not JSON") } });
    expect(await served.post("/pubsub/phase1", JSON.stringify({ message: { data: "e30=" } }))).toMatchObject({ status: 400, json: { error: expect.stringContaining("message.messageId") } });
    expect(await served.post("/pubsub/phase1", JSON.stringify({ pad: "x".repeat(1024 * 1024 + 1) }))).toMatchObject({ status: 413, json: { error: expect.stringContaining("larger than") } });
    const get = await fetch(`${served.server.url}/pubsub/phase1`);
    expect(get.status).toBe(405);
  });
});

describe("transient failures", () => {
  test("a push while the warehouse answers 503 gets a 5xx, a terminal ledger record and no alert (redelivery retries it)", async () => {
    const base = await openTestPlatform();
    const warehouse = base.warehouse;
    const flaky = Object.assign(Object.create(warehouse) as typeof warehouse, {
      // The schedule loads (the box scores are judged against it); the box-score write meets the outage.
      merge: (table: Parameters<typeof warehouse.merge>[0], rows: Parameters<typeof warehouse.merge>[1]) =>
        table.name === "nbac_player_boxscores" ? Promise.reject(new TransientError("BigQuery 503: backendError")) : warehouse.merge(table, rows),
    });
    const served = await serveRole("raw-processors", { platform: { ...base, warehouse: flaky } });
    try {
      const message = await phase1Message(served.platform, "nbac_player_boxscore", "2025-03-15", "2025-03-15");
      const answer = await served.push("/pubsub/phase1", message, { subscription: PHASE1 });
      expect(answer).toMatchObject({ status: 503, json: { status: "retry", reason: expect.stringContaining("backendError") } });
      expect(served.platform.alerts).toEqual([]);
      const runs = await served.platform.docStore.query(RUNS_COLLECTION, [{ field: "processor_name", op: "==", value: "nbac_player_boxscores" }]);
      expect(runs.map((r) => [r.data.status, r.data.error_type])).toEqual([["failed", "TRANSIENT"]]);
    } finally {
      await served.stop();
    }
  });
});

describe("shutdown", () => {
  test("SIGTERM's shutdown fails the run in hand with a terminal status, answers it 503 and closes in time", async () => {
    let started!: () => void;
    const runStarted = new Promise<void>((resolve) => (started = resolve));
    const routes: RoleRoutes = {
      slow: [
        {
          path: "/pubsub/slow",
          kind: "push",
          handle: async (platform) => {
            await platform.ledger.start({ processorName: "slow_processor", phase: "phase_2_raw", scope: "2025-03-15", gameDate: "2025-03-15", sourceKind: "sim" });
            started();
            await new Promise(() => undefined);
            return { kind: "done", runs: [] };
          },
        },
      ],
    };
    const served = await serveRole("slow", { routes, drainMs: 200 });
    const answer = served.push("/pubsub/slow", { any: 1 });
    await runStarted;
    const before = Date.now();
    await served.stop();
    expect(Date.now() - before).toBeLessThan(5000);
    expect(await answer).toMatchObject({ status: 503, json: { status: "retry" } });
    const runs = await served.platform.docStore.query(RUNS_COLLECTION, []);
    expect(runs.map((r) => [r.data.processor_name, r.data.status, r.data.error_type])).toEqual([["slow_processor", "failed", "SHUTDOWN"]]);
    await expect(fetch(`${served.server.url}/health/live`)).rejects.toThrow();
  });
});

describe("the other service roles", () => {
  test("alert-dispatcher: one alert per dead-lettered push, naming the topic, subscription and attempts", async () => {
    const served = await serveRole("alert-dispatcher");
    try {
      const answer = await served.push(
        "/pubsub/dead-letter",
        { processor_name: "x" },
        {
          subscription: "nba-phase1-scrapers-complete-dlq--alert-dispatcher",
          messageId: "dlq-1",
          attributes: { CloudPubSubDeadLetterSourceSubscription: PHASE1, CloudPubSubDeadLetterSourceDeliveryCount: "5" },
        },
      );
      expect(answer.status).toBe(200);
      expect(served.platform.alerts).toEqual([
        `[alert error] messages dead-lettered on ${PHASE1}: a message that is not a completion message: ${PHASE1} gave up after 5 delivery attempts (message dlq-1 on nba-phase1-scrapers-complete).\n`,
      ]);
    } finally {
      await served.stop();
    }
  });

  test("phase-orchestrator: records each phase-3 completion under its phase and date (the 3->4 transition's document)", async () => {
    const served = await serveRole("phase-orchestrator");
    try {
      const completion = {
        processor_name: "player_game_summary",
        phase: "phase_3_analytics",
        execution_id: "e1",
        correlation_id: "c1",
        game_date: "2025-03-15",
        status: "success",
        timestamp: "2025-03-16T10:00:00.000Z",
        record_count: 250,
      };
      expect((await served.push("/pubsub/phase3", completion)).status).toBe(200);
      expect(await served.platform.docStore.get(PHASE_COMPLETIONS, "phase_3_analytics--2025-03-15")).toMatchObject({
        _transition: "phase3-to-phase4",
        player_game_summary: { status: "success", record_count: 250, execution_id: "e1" },
      });
      expect((await served.push("/pubsub/phase3", { ...completion, phase: "phase_2_raw" })).json).toMatchObject({ status: "rejected" });
    } finally {
      await served.stop();
    }
  });
});
