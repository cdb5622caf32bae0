import { rmSync } from "node:fs";
import { raiseDeadLetterAlert, subscribeDeadLetterAlerts } from "../../runtime/alerts/dead-letter-alert";
import { catalog } from "../../runtime/catalog";
import { SimulatedClock } from "../../runtime/drills/simulated-clock";
import { InProcessBus } from "../../runtime/platform/local/in-process-bus";
import { buildCompletionMessage } from "../../runtime/messages/completion-message";
import { capturingLogger, fastTempDir, openTestRouter, RecordingChannel } from "../support/alert-router";

const START = Date.parse("2025-03-16T03:00:00.000Z");

function completion(scope: string) {
  return buildCompletionMessage({
    processor_name: "nbac_player_boxscore",
    phase: "phase_1_scrapers",
    execution_id: `exec-${scope}`,
    correlation_id: "corr-1",
    game_date: scope,
    status: "success",
    timestamp: "2025-03-16T03:00:00.000Z",
    record_count: 12,
    metadata: { gcs_path: "file:///x.json", scope_key: scope },
  });
}

describe("raiseDeadLetterAlert", () => {
  let dir = "";
  beforeEach(() => {
    dir = fastTempDir("dead-letter-alert");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test("one push raises one alert naming topic, subscription, attempts, processor and scope, and logs alert_dead_lettered", async () => {
    const channel = new RecordingChannel();
    const { logger, lines } = capturingLogger();
    const { router } = openTestRouter(dir, new SimulatedClock("2025-03-16T03:00:00.000Z"), channel, logger);
    await raiseDeadLetterAlert(
      { notifier: router, logger },
      { topic: "nba-phase1-scrapers-complete", subscription: "nba-phase1-scrapers-complete--raw-processors", attempts: 5, messageId: "m-1", body: completion("2025-03-15") },
    );
    expect(channel.sent).toHaveLength(1);
    expect(channel.sent[0]).toMatchObject({
      kind: "first",
      source: "alert-dispatcher",
      category: "message_dead_lettered",
      scope: "nba-phase1-scrapers-complete--raw-processors",
      context: { topic: "nba-phase1-scrapers-complete", attempts: 5, message_id: "m-1", processor: "nbac_player_boxscore", scope: "2025-03-15" },
    });
    expect(channel.sent[0]?.detail).toContain("nbac_player_boxscore for 2025-03-15");
    expect(lines.filter((l) => l.event === "alert_dead_lettered")).toEqual([
      expect.objectContaining({ subscription: "nba-phase1-scrapers-complete--raw-processors", attempts: 5, message_id: "m-1", processor: "nbac_player_boxscore", scope: "2025-03-15" }),
    ]);
  });

  test("500 pushes in a simulated minute deliver at most 3 messages, and the summary states the count", async () => {
    const clock = new SimulatedClock("2025-03-16T03:00:00.000Z");
    const channel = new RecordingChannel();
    const { logger, lines } = capturingLogger();
    const { router } = openTestRouter(dir, clock, channel, logger);
    for (let i = 0; i < 500; i++) {
      clock.set(START + i * 120);
      await raiseDeadLetterAlert(
        { notifier: router, logger },
        { topic: "nba-phase2-raw-complete", subscription: "nba-phase2-raw-complete--analytics-processors", attempts: 5, messageId: `m-${i}`, body: completion(`2025-03-${String(1 + (i % 28)).padStart(2, "0")}`) },
      );
    }
    expect(channel.sent).toHaveLength(1);
    clock.set(START + 3_600_000);
    await router.flushDue();
    expect(channel.sent.length).toBeLessThanOrEqual(3);
    expect(channel.sent.map((m) => [m.kind, m.count])).toEqual([
      ["first", 1],
      ["summary", 499],
    ]);
    expect(channel.sent[1]?.title).toContain("499 more");
    expect(lines.filter((l) => l.event === "alert_dead_lettered")).toHaveLength(500);
    expect(await router.books()).toMatchObject({ raised: 500, delivered: 1, folded: 499, dead_lettered: 0, pending: 0, balanced: true });
  });

  test("the local bus's dead letters raise alerts through every dead-letter subscription of the catalog", async () => {
    const channel = new RecordingChannel();
    const { logger } = capturingLogger();
    const { router } = openTestRouter(dir, new SimulatedClock("2025-03-16T03:00:00.000Z"), channel, logger);
    const bus = new InProcessBus({ topics: catalog.topics, backoffScale: 0 });
    // Each subscription gives up after its own catalog-sized maxDeliveryAttempts (15-30, sized for backfill bursts).
    const deadLettered = catalog.topics
      .filter((t) => t.deadLetterConsumer === "alert-dispatcher")
      .flatMap((t) => t.subscriptions.map((sub) => ({ topic: t.name, subscription: sub.name, attempts: sub.maxDeliveryAttempts })));
    expect(deadLettered.map((d) => d.subscription)).toContain("nba-phase1-scrapers-complete--raw-processors");
    for (const d of deadLettered) bus.subscribe(d.subscription, () => Promise.resolve({ kind: "retry", reason: "BigQuery unavailable" }));
    subscribeDeadLetterAlerts({ bus, notifier: router, logger }, catalog.topics);
    for (const topic of new Set(deadLettered.map((d) => d.topic))) await bus.publish(topic, completion("2025-03-14"));
    expect(channel.sent.map((m) => m.scope).sort()).toEqual(deadLettered.map((d) => d.subscription).sort());
    for (const d of deadLettered) {
      expect(channel.sent.find((m) => m.scope === d.subscription)).toMatchObject({
        kind: "first",
        source: "alert-dispatcher",
        category: "message_dead_lettered",
        context: { topic: d.topic, subscription: d.subscription, attempts: d.attempts, processor: "nbac_player_boxscore", scope: "2025-03-14" },
      });
    }
  });
});
