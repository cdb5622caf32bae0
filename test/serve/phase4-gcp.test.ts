import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { buildCompletionMessage } from "../../runtime/messages/completion-message";
import { buildPushEnvelope } from "../../runtime/messages/push-envelope";
import { httpHealthProbe } from "../../runtime/orchestration/health-probe";
import { completionHandler, transitionFor } from "../../runtime/orchestration/transition-handler";
import { openGcpPlatform } from "../../runtime/platform/gcp/open-gcp-platform";
import type { ClosablePlatform } from "../../runtime/platform/platform";
import { fixedClock } from "../../runtime/platform/ports/clock";
import { startRoleServer, type RoleServer } from "../../runtime/serve/role-server";
import { startGcpTestEnv, type GcpTestEnv } from "../support/gcp-test-env";

const DATE = "2025-03-15";
const spec = transitionFor("phase3-to-phase4");

/**
 * The 3->4 path on the GCP platform against the loopback test servers: the orchestrator publishes
 * `nba-phase4-trigger` with the real Pub/Sub client, and `serve --role precompute-processors`
 * runs phase 4 for the pushed trigger and publishes one completion per processor the same way.
 */
describe("the 3->4 transition and the precompute service on the GCP platform", () => {
  let testEnv: GcpTestEnv;
  let platform: ClosablePlatform;
  let server: RoleServer;
  let readiness: Server;
  let readinessUrl: string;

  beforeAll(async () => {
    testEnv = await startGcpTestEnv({ component: "precompute-processors" });
    const opened = await openGcpPlatform(testEnv.env, { clock: fixedClock("2025-03-16T14:00:00.000Z") });
    platform = { ...opened, notifier: { notify: () => Promise.resolve() } };
    server = await startRoleServer(platform, { role: "precompute-processors", port: 0, host: "127.0.0.1" });
    readiness = createServer((req, res) => res.writeHead(req.url === "/health/ready" ? 200 : 404).end());
    await new Promise<void>((resolve) => readiness.listen(0, "127.0.0.1", resolve));
    readinessUrl = `http://127.0.0.1:${(readiness.address() as AddressInfo).port}`;
  }, 60_000);
  afterAll(async () => {
    await server.shutdown("test finished");
    await platform.close();
    await new Promise<void>((resolve) => readiness.close(() => resolve()));
    await testEnv.stop();
  });

  test("the completed overnight set passes its gates and the phase-4 trigger reaches Pub/Sub; pushed to the precompute service, it runs phase 4 and publishes five completions", async () => {
    const handle = completionHandler({ platform, health: httpHealthProbe(() => readinessUrl, { timeoutMs: 2_000 }) }, spec);
    for (const e of spec.expected.overnight) {
      const body = buildCompletionMessage({ processor_name: e.processor, phase: spec.from, execution_id: `e-${e.processor}`, correlation_id: "corr-gcp", game_date: DATE, status: "success", timestamp: "2025-03-16T14:00:00.000Z", metadata: { source_kind: "replay" } });
      await expect(handle({ messageId: e.processor, topic: spec.completionTopic, subscription: `${spec.completionTopic}--phase-orchestrator`, attempt: 1, body })).resolves.toEqual({ kind: "ack" });
    }
    const triggers = testEnv.pubsub.published.filter((m) => m.topic === "nba-phase4-trigger");
    expect(triggers.map((t) => t.json)).toEqual([expect.objectContaining({ phase: "phase_4_precompute", game_date: DATE, mode: "overnight", source_kind: "replay", correlation_id: "corr-gcp" })]);

    const envelope = buildPushEnvelope(triggers[0]!.json, { messageId: triggers[0]!.messageId, subscription: `projects/${testEnv.project}/subscriptions/nba-phase4-trigger--precompute-processors`, deliveryAttempt: 1 });
    const response = await fetch(`${server.url}/pubsub/phase4-trigger`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(envelope) });
    const answer = (await response.json()) as { status: string; runs: { processor: string; scope: string; status: string }[] };
    expect({ status: response.status, outcome: answer.status }).toEqual({ status: 200, outcome: "done" });
    const processors = ["team_defense_zone_analysis", "player_shot_zone_analysis", "player_daily_cache", "player_composite_factors", "ml_feature_store_v2"];
    expect(answer.runs.map((r) => [r.processor, r.scope])).toEqual(processors.map((p) => [p, DATE]));
    const completions = testEnv.pubsub.published.filter((m) => m.topic === "nba-phase4-precompute-complete").map((m) => m.json as Record<string, unknown>);
    expect(completions.map((c) => [c.processor_name, c.game_date, c.phase, c.correlation_id])).toEqual(processors.map((p) => [p, DATE, "phase_4_precompute", "corr-gcp"]));
    expect(completions.map((c) => c.status)).toEqual(answer.runs.map((r) => r.status));
  }, 60_000);
});
