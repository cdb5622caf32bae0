import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { buildCompletionMessage } from "../../runtime/messages/completion-message";
import { environmentHealthProbe } from "../../runtime/orchestration/environment-health-probe";
import { loadCompletionState, transitionFor } from "../../runtime/orchestration/transition-handler";
import { phase2TransitionHandler } from "../../runtime/serve/handlers/phase2-transition";
import { phase3TriggerHandler } from "../../runtime/serve/handlers/phase3-trigger";
import type { PushDelivery } from "../../runtime/serve/push-result";
import { roleRoutes } from "../../runtime/serve/role-routes";
import { openTestPlatform, type TestPlatform } from "../support/test-platform";

const DATE = "2025-03-01";
const spec = transitionFor("phase2-to-phase3");

const delivery = (body: unknown, subscription: string, attempt = 1): PushDelivery => ({ messageId: `m-${attempt}`, topic: subscription.split("--")[0]!, subscription, attempt, body, attributes: {} });

const boxScores = (status: "success" | "failed") =>
  buildCompletionMessage({
    processor_name: "nbac_player_boxscores",
    phase: "phase_2_raw",
    execution_id: "e-1",
    correlation_id: "c-1",
    game_date: DATE,
    status,
    timestamp: "2025-03-16T09:00:00.000Z",
    record_count: 40,
    metadata: { source_kind: "replay" },
  });

let platform: TestPlatform;
beforeEach(async () => {
  platform = await openTestPlatform();
});
afterEach(async () => {
  await platform.warehouse.close();
});

describe("serve --role phase-orchestrator: phase-2 completions go through the 2->3 transition", () => {
  test("the orchestrator answers /pubsub/phase2 and /pubsub/phase3; analytics answers only its trigger", () => {
    expect(roleRoutes["phase-orchestrator"]?.map((r) => r.path)).toEqual(["/pubsub/phase2", "/pubsub/phase3"]);
    expect(roleRoutes["analytics-processors"]?.map((r) => r.path)).toEqual(["/pubsub/phase3-trigger"]);
  });

  test("a completed backfill set passes its gates and publishes one phase-3 trigger carrying the source kind; the date is latched", async () => {
    const result = await phase2TransitionHandler(platform, delivery(boxScores("success"), "nba-phase2-raw-complete--phase-orchestrator"));
    expect(result).toEqual({ kind: "done", runs: [] });
    const triggers = platform.bus.published.filter((m) => m.topic === "nba-phase3-trigger");
    expect(triggers.map((t) => t.body)).toEqual([expect.objectContaining({ phase: "phase_3_analytics", game_date: DATE, mode: "backfill", source_kind: "replay", trigger_source: "orchestrator" })]);
    expect((await loadCompletionState({ platform, health: environmentHealthProbe(platform, {}) }, spec, DATE))?.triggered).toBe(true);
  });

  test("a failed completion does not start phase 3; a body that is no completion is rejected", async () => {
    await expect(phase2TransitionHandler(platform, delivery(boxScores("failed"), "nba-phase2-raw-complete--phase-orchestrator"))).resolves.toEqual({ kind: "done", runs: [] });
    await expect(phase2TransitionHandler(platform, delivery({ hello: 1 }, "nba-phase2-raw-complete--phase-orchestrator"))).resolves.toMatchObject({ kind: "rejected" });
    expect(platform.bus.published.filter((m) => m.topic === "nba-phase3-trigger")).toEqual([]);
  });

  test("while the gates fail (warehouse down) nothing is published and redelivery is asked; the block is recorded", async () => {
    const down = { ...platform, warehouse: { ...platform.warehouse, query: () => Promise.reject(new Error("warehouse down")) } };
    const result = await phase2TransitionHandler(down, delivery(boxScores("success"), "nba-phase2-raw-complete--phase-orchestrator"));
    expect(result).toMatchObject({ kind: "transient", reason: expect.stringContaining("gate blocked") });
    expect(platform.bus.published.filter((m) => m.topic === "nba-phase3-trigger")).toEqual([]);
    const state = await loadCompletionState({ platform, health: environmentHealthProbe(platform, {}) }, spec, DATE);
    expect(state).toMatchObject({ triggered: false, state: "blocked" });
  });
});

describe("serve --role analytics-processors: the phase-3 trigger", () => {
  const trigger = (extra: Record<string, unknown>) => ({
    phase: "phase_3_analytics",
    game_date: DATE,
    mode: "backfill",
    trigger_reason: "all_complete",
    trigger_source: "orchestrator",
    execution_id: "t-1",
    correlation_id: "c-1",
    timestamp: "2025-03-16T10:00:00.000Z",
    expected_processors: ["nbac_player_boxscores"],
    completed_processors: ["nbac_player_boxscores"],
    missing_processors: [],
    upstream_processors_count: 1,
    ...extra,
  });

  test("runs the analytics processors for the date in dependency order: one blocked by its inputs stops its dependents, not the others", async () => {
    // Nothing is loaded: team offense's critical input (the schedule) is empty, so it fails before reading;
    // team defense, player summary and the upcoming contexts read it and are not run; the registry is independent.
    const result = await phase3TriggerHandler(platform, delivery(trigger({ source_kind: "replay" }), "nba-phase3-trigger--analytics-processors"));
    expect(result.kind).toBe("done");
    const runs = result.kind === "done" ? result.runs.map((r) => [r.processor, r.status]) : [];
    expect(runs).toEqual([
      ["team_offense_game_summary", "failed"],
      ["nba_players_registry", "no_data"],
    ]);
    expect(result.kind === "done" ? result.runs[0]?.error_message : "").toMatch(/blocked by its critical inputs: nba_raw\.nbac_schedule/);
  });

  test("a trigger without a source kind, or for another phase, is rejected and runs nothing", async () => {
    await expect(phase3TriggerHandler(platform, delivery(trigger({}), "nba-phase3-trigger--analytics-processors"))).resolves.toMatchObject({ kind: "rejected", reason: expect.stringContaining("source_kind") });
    await expect(phase3TriggerHandler(platform, delivery(trigger({ phase: "phase_4_precompute", source_kind: "sim" }), "nba-phase3-trigger--analytics-processors"))).resolves.toMatchObject({ kind: "rejected" });
    expect(await platform.ledger.running()).toEqual([]);
  });
});

describe("the next phase's health as the orchestrator sees it", () => {
  let server: Server;
  let url: string;
  let answer = 200;
  beforeAll(async () => {
    server = createServer((req, res) => {
      res.writeHead(req.url === "/health/ready" ? answer : 404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test("on GCP: GET <NBA_PROPS_SERVICE_URL_ANALYTICS_PROCESSORS>/health/ready; no URL is unhealthy (fail closed)", async () => {
    const signal = new AbortController().signal;
    const env = { NBA_PROPS_BACKEND: "gcp", NBA_PROPS_SERVICE_URL_ANALYTICS_PROCESSORS: url };
    answer = 200;
    await expect(environmentHealthProbe(platform, env, fetch).check("analytics-processors", signal)).resolves.toMatchObject({ healthy: true });
    answer = 503;
    await expect(environmentHealthProbe(platform, env, fetch).check("analytics-processors", signal)).resolves.toMatchObject({ healthy: false, detail: expect.stringContaining("503") });
    await expect(environmentHealthProbe(platform, { NBA_PROPS_BACKEND: "gcp" }, fetch).check("analytics-processors", signal)).resolves.toEqual({
      healthy: false,
      detail: "analytics-processors: no service URL configured",
    });
  });

  test("locally: the warehouse and doc store this process uses", async () => {
    await expect(environmentHealthProbe(platform, {}).check("analytics-processors", new AbortController().signal)).resolves.toMatchObject({ healthy: true, detail: expect.stringContaining("reachable") });
  });
});
