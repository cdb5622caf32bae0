import { rmSync } from "node:fs";
import { join } from "node:path";
import { busDeadLetter } from "../../runtime/alerts/alert-dead-letter";
import { AlertRouter } from "../../runtime/alerts/alert-router";
import { loadAlertsConfig } from "../../runtime/alerts/alerts-config";
import { PubSubChannel } from "../../runtime/alerts/channels/pubsub-channel";
import { SimulatedClock } from "../../runtime/drills/simulated-clock";
import { FileDocStore } from "../../runtime/platform/local/file-doc-store";
import type { Bus } from "../../runtime/platform/ports/bus";
import { capturingLogger, fastTempDir, RecordingChannel } from "../support/alert-router";

/** A Bus that records what is published, and refuses while `down`. */
class RecordingBus implements Bus {
  readonly published: { topic: string; body: unknown }[] = [];
  down = false;

  publish(topic: string, body: unknown): Promise<string> {
    if (this.down) return Promise.reject(new Error("UNAVAILABLE: pubsub down"));
    this.published.push({ topic, body: JSON.parse(JSON.stringify(body)) as unknown });
    return Promise.resolve(`msg-${this.published.length}`);
  }

  subscribe(): void {
    throw new Error("not used");
  }
}

describe("Pub/Sub: the alert channel and the GCP alert dead letter go through the Bus port", () => {
  let dir = "";
  beforeEach(() => {
    dir = fastTempDir("alerts-pubsub");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function router(bus: RecordingBus, channels: Map<string, RecordingChannel | PubSubChannel>): AlertRouter {
    return new AlertRouter({
      docStore: new FileDocStore(join(dir, "docstore")),
      clock: new SimulatedClock("2025-03-16T07:00:00.000Z"),
      logger: capturingLogger().logger,
      routes: [{ channels: [...channels.keys()] }],
      channels,
      limits: loadAlertsConfig().limits,
      retry: { max_attempts: 2, initial_delay_ms: 0, max_delay_ms: 1 },
      deadLetter: busDeadLetter(bus, "nba-alerts-dead-letter"),
    });
  }

  test("the pubsub channel publishes the whole alert message to its topic", async () => {
    const bus = new RecordingBus();
    await router(bus, new Map([["machines", new PubSubChannel("machines", bus, "nba-alerts")]])).notify({ severity: "critical", title: "gate blocked", message: "3->4 gate failed", context: { game_date: "2025-03-15" }, source: "phase-orchestrator", category: "gate_blocked", scope: "2025-03-15" });
    expect(bus.published).toEqual([{ topic: "nba-alerts", body: { alert: expect.objectContaining({ kind: "first", severity: "critical", title: "gate blocked", source: "phase-orchestrator", count: 1 }) } }]);
  });

  test("a failed send is retried, then dead-lettered: kept in the outbox and published to the alert dead-letter topic", async () => {
    const bus = new RecordingBus();
    const slack = new RecordingChannel("slack");
    slack.down = true;
    const r = router(bus, new Map([["slack", slack]]));
    await r.notify({ severity: "error", title: "run failed", message: "boom", context: {}, source: "p", category: "run_failed", scope: "s" });
    expect(slack.attempts).toBe(2);
    expect(bus.published).toEqual([
      { topic: "nba-alerts-dead-letter", body: { alert_dead_letter: { channel: "slack", reason: "slack: HTTP 500 (channel down)", message: expect.objectContaining({ title: "run failed", count: 1 }) } } },
    ]);
    expect((await r.records("dead_lettered")).length).toBe(1);
  });

  test("when the dead-letter topic is unreachable too, the alert still stays dead-lettered in the outbox", async () => {
    const bus = new RecordingBus();
    bus.down = true;
    const slack = new RecordingChannel("slack");
    slack.down = true;
    const r = router(bus, new Map([["slack", slack]]));
    await r.notify({ severity: "error", title: "run failed", message: "boom", context: {}, source: "p", category: "run_failed", scope: "s" });
    expect((await r.records("dead_lettered")).map((x) => x.message.title)).toEqual(["run failed"]);
    expect(await r.books()).toMatchObject({ raised: 1, dead_lettered: 1, balanced: true });
  });
});
