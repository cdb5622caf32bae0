import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { buildCompletionMessage } from "../../runtime/messages/completion-message";
import { environmentHealthProbe } from "../../runtime/orchestration/environment-health-probe";
import { loadCompletionState, transitionFor } from "../../runtime/orchestration/transition-handler";
import { phase2TransitionHandler } from "../../runtime/serve/handlers/phase2-transition";
import { phase3TriggerHandler } from "../../runtime/serve/handlers/phase3-trigger";
import { phase3TransitionHandler } from "../../runtime/serve/handlers/phase3-transition";
import { phase4CompletionsHandler } from "../../runtime/serve/handlers/phase4-completions";
import { phase4TriggerHandler } from "../../runtime/serve/handlers/phase4-trigger";
import { scheduledTriggerHandler } from "../../runtime/serve/handlers/scheduled-trigger";
import { gateSweepHandler } from "../../runtime/serve/handlers/gate-sweep";
import { claimDataDir } from "../../runtime/platform/local/data-dir-provenance";
import { nbacSchedule } from "../../runtime/catalog/tables/nbac-schedule";
import { scheduleRow } from "../support/schedule-row";
import { serveRole } from "../support/served-role";
import type { PushDelivery } from "../../runtime/serve/push-result";
import { roleRoutes } from "../../runtime/serve/role-routes";
import { openTestPlatform, type TestPlatform } from "../support/test-platform";
import { phaseTriggerFixture } from "../support/phase-trigger-fixture";

const DATE = "2025-03-01";
const spec = transitionFor("phase2-to-phase3");

const delivery = (body: unknown, subscription: string, attempt = 1): PushDelivery => ({ messageId: `m-${attempt}`, topic: subscription.split("--")[0]!, subscription, attempt, body, attributes: {} });

const completion = (phase: "phase_2_raw" | "phase_3_analytics", processor: string, status: "success" | "failed" = "success", gameDate = DATE) =>
  buildCompletionMessage({
    processor_name: processor,
    phase,
    execution_id: `e-${processor}`,
    correlation_id: "c-1",
    game_date: gameDate,
    status,
    timestamp: "2025-03-16T09:00:00.000Z",
    record_count: 40,
    metadata: { source_kind: "replay" },
  });
const boxScores = (status: "success" | "failed") => completion("phase_2_raw", "nbac_player_boxscores", status);
const PHASE2 = "nba-phase2-raw-complete--phase-orchestrator";
const PHASE3 = "nba-phase3-analytics-complete--phase-orchestrator";

/** Every completion of a transition's backfill set but the last, as the orchestrator would have recorded them. */
async function allButLast(platform: TestPlatform, transition: string, phase: "phase_2_raw" | "phase_3_analytics", gameDate = DATE): Promise<string> {
  const expected = transitionFor(transition).expected.backfill.map((e) => e.processor);
  const handler = phase === "phase_2_raw" ? phase2TransitionHandler : phase3TransitionHandler;
  for (const processor of expected.slice(1)) await handler(platform, delivery(completion(phase, processor, "success", gameDate), phase === "phase_2_raw" ? PHASE2 : PHASE3));
  return expected[0]!;
}

let platform: TestPlatform;
beforeEach(async () => {
  platform = await openTestPlatform();
});
afterEach(async () => {
  await platform.warehouse.close();
});

describe("serve --role phase-orchestrator: phase-2 completions go through the 2->3 transition", () => {
  test("the orchestrator answers the completion pushes and the scheduler's calls; analytics and precompute answer only their triggers", () => {
    expect(roleRoutes["phase-orchestrator"]?.map((r) => `${r.kind} ${r.path}`)).toEqual(["push /pubsub/phase2", "push /pubsub/phase3", "push /pubsub/phase4", "scheduled /trigger", "scheduled /gates/sweep"]);
    expect(roleRoutes["analytics-processors"]?.map((r) => r.path)).toEqual(["/pubsub/phase3-trigger"]);
    expect(roleRoutes["precompute-processors"]?.map((r) => r.path)).toEqual(["/pubsub/phase4-trigger"]);
  });

  test("a completed backfill set passes its gates and publishes one phase-3 trigger carrying the source kind; the date is latched", async () => {
    expect(await allButLast(platform, "phase2-to-phase3", "phase_2_raw")).toBe("nbac_player_boxscores");
    expect(platform.bus.published.filter((m) => m.topic === "nba-phase3-trigger")).toEqual([]);
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
    await allButLast(platform, "phase2-to-phase3", "phase_2_raw");
    const down = { ...platform, warehouse: { ...platform.warehouse, query: () => Promise.reject(new Error("warehouse down")) } };
    const result = await phase2TransitionHandler(down, delivery(boxScores("success"), "nba-phase2-raw-complete--phase-orchestrator"));
    expect(result).toMatchObject({ kind: "transient", reason: expect.stringContaining("gate blocked") });
    expect(platform.bus.published.filter((m) => m.topic === "nba-phase3-trigger")).toEqual([]);
    const state = await loadCompletionState({ platform, health: environmentHealthProbe(platform, {}) }, spec, DATE);
    expect(state).toMatchObject({ triggered: false, state: "blocked" });
  });
});

describe("serve --role phase-orchestrator: phase-3 completions go through the 3->4 transition", () => {
  test("a completed backfill set passes its gates (precompute health, phase-3 validation) and publishes one phase-4 trigger; the date is latched", async () => {
    const last = await allButLast(platform, "phase3-to-phase4", "phase_3_analytics");
    expect(platform.bus.published.filter((m) => m.topic === "nba-phase4-trigger")).toEqual([]);
    await expect(phase3TransitionHandler(platform, delivery(completion("phase_3_analytics", last), PHASE3))).resolves.toEqual({ kind: "done", runs: [] });
    const triggers = platform.bus.published.filter((m) => m.topic === "nba-phase4-trigger");
    expect(triggers.map((t) => t.body)).toEqual([expect.objectContaining({ phase: "phase_4_precompute", game_date: DATE, mode: "backfill", source_kind: "replay", trigger_source: "orchestrator", missing_processors: [] })]);
    const state = await loadCompletionState({ platform, health: environmentHealthProbe(platform, {}) }, transitionFor("phase3-to-phase4"), DATE);
    expect(state).toMatchObject({ triggered: true, gate: { status: "passed" } });
  });

  test("the critical completions alone do not start phase 4; a phase-2 completion on /pubsub/phase3 is rejected", async () => {
    for (const p of ["player_game_summary", "upcoming_player_game_context"]) await phase3TransitionHandler(platform, delivery(completion("phase_3_analytics", p), PHASE3));
    expect(platform.bus.published.filter((m) => m.topic === "nba-phase4-trigger")).toEqual([]);
    await expect(phase3TransitionHandler(platform, delivery(boxScores("success"), PHASE3))).resolves.toMatchObject({ kind: "rejected" });
  });

  test("while a 3->4 gate fails (blocking phase-3 validation unreadable) nothing is published and redelivery is asked; the block is recorded", async () => {
    const last = await allButLast(platform, "phase3-to-phase4", "phase_3_analytics");
    const down = { ...platform, warehouse: { ...platform.warehouse, query: () => Promise.reject(new Error("warehouse down")) } };
    await expect(phase3TransitionHandler(down, delivery(completion("phase_3_analytics", last), PHASE3))).resolves.toMatchObject({ kind: "transient", reason: expect.stringContaining("gate blocked") });
    expect(platform.bus.published.filter((m) => m.topic === "nba-phase4-trigger")).toEqual([]);
    expect(await loadCompletionState({ platform, health: environmentHealthProbe(platform, {}) }, transitionFor("phase3-to-phase4"), DATE)).toMatchObject({ triggered: false, state: "blocked" });
  });
});

describe("serve --role precompute-processors: the phase-4 trigger", () => {
  const trigger = (extra: Record<string, unknown>) => phaseTriggerFixture("phase_4_precompute", { game_date: DATE, ...extra });

  test("runs the five precompute processors for the date and publishes one completion per processor for it", async () => {
    const result = await phase4TriggerHandler(platform, delivery(trigger({ source_kind: "replay" }), "nba-phase4-trigger--precompute-processors"));
    expect(result.kind).toBe("done");
    const runs = result.kind === "done" ? result.runs : [];
    // Nothing is loaded: no games that day, so every processor records no_data for the date.
    expect(runs.map((r) => [r.processor, r.scope, r.status])).toEqual(
      ["team_defense_zone_analysis", "player_shot_zone_analysis", "player_daily_cache", "player_composite_factors", "ml_feature_store_v2"].map((p) => [p, DATE, "no_data"]),
    );
    const completions = platform.bus.published.filter((m) => m.topic === "nba-phase4-precompute-complete").map((m) => m.body);
    expect(completions).toEqual(runs.map((r): unknown => expect.objectContaining({ processor_name: r.processor, phase: "phase_4_precompute", game_date: DATE, status: "no_data", correlation_id: "c-4", trigger_message_id: "t-4" })));
  });

  test("a trigger without a source kind, or for another phase, is rejected and runs nothing", async () => {
    await expect(phase4TriggerHandler(platform, delivery(trigger({}), "nba-phase4-trigger--precompute-processors"))).resolves.toMatchObject({ kind: "rejected", reason: expect.stringContaining("source_kind") });
    await expect(phase4TriggerHandler(platform, delivery(trigger({ phase: "phase_3_analytics", source_kind: "sim" }), "nba-phase4-trigger--precompute-processors"))).resolves.toMatchObject({ kind: "rejected" });
    expect(platform.bus.published).toEqual([]);
  });

  test("the orchestrator records phase-4 completions per date (4->5 waits for a prediction service) and never publishes a predictions trigger", async () => {
    const overnight = "2025-03-15";
    const message = buildCompletionMessage({ processor_name: "player_daily_cache", phase: "phase_4_precompute", execution_id: "r-1", correlation_id: "c-4", game_date: overnight, status: "success", timestamp: "2025-03-16T10:00:00.000Z" });
    await expect(phase4CompletionsHandler(platform, delivery(message, "nba-phase4-precompute-complete--phase-orchestrator"))).resolves.toEqual({ kind: "done", runs: [] });
    const state = await loadCompletionState({ platform, health: environmentHealthProbe(platform, {}) }, transitionFor("phase4-to-phase5"), overnight);
    expect(state).toMatchObject({ state: "waiting", triggered: false, completions: { player_daily_cache: expect.objectContaining({ status: "success", execution_id: "r-1" }) } });
    expect(platform.bus.published).toEqual([]);
    await expect(phase4CompletionsHandler(platform, delivery(boxScores("success"), "nba-phase4-precompute-complete--phase-orchestrator"))).resolves.toMatchObject({ kind: "rejected" });
  });
});

describe("serve --role phase-orchestrator: the scheduler's /trigger and /gates/sweep", () => {
  const TODAY = "2025-03-16";

  test("same-day /trigger: resolves TODAY in ET, looks the games up, runs the 2->3 gates and publishes the phase-3 trigger with the data's source kind", async () => {
    await claimDataDir(platform.docStore, "test", "sim", platform.clock.now());
    await platform.warehouse.merge(nbacSchedule, [{ ...scheduleRow("9924000001", { game_date: TODAY, game_status: 1, game_status_text: "7:00 pm ET", home_team_score: null, away_team_score: null, winning_team_tricode: null }), source_kind: "sim" }]);
    const result = await scheduledTriggerHandler(platform, { phase: "phase_3_analytics", date: "TODAY" });
    expect(result).toMatchObject({ kind: "done", body: { phase: "phase_3_analytics", dates: [{ game_date: TODAY, games: 1, kind: "published", reason: "schedule" }] } });
    expect(platform.bus.published.filter((m) => m.topic === "nba-phase3-trigger").map((m) => m.body)).toEqual([
      expect.objectContaining({ phase: "phase_3_analytics", game_date: TODAY, mode: "same_day", trigger_reason: "schedule", trigger_source: "scheduler", source_kind: "sim" }),
    ]);
  });

  test("/trigger: a bad body is rejected (400 territory), a failing schedule lookup asks for a retry, never 'no games'", async () => {
    await expect(scheduledTriggerHandler(platform, { phase: "phase_3_analytics", date: "SOMEDAY" })).resolves.toMatchObject({ kind: "rejected" });
    const down = { ...platform, warehouse: { ...platform.warehouse, query: () => Promise.reject(new Error("warehouse down")) } };
    await expect(scheduledTriggerHandler(down, { phase: "phase_3_analytics", date: "TODAY" })).resolves.toMatchObject({ kind: "transient", reason: expect.stringContaining("schedule lookup") });
    expect(platform.bus.published).toEqual([]);
  }, 60_000);

  test("/gates/sweep re-evaluates a blocked 3->4 gate: once its cause is fixed, phase 4 is triggered", async () => {
    // Within the sweep's window (the last 14 days).
    const recent = "2025-03-10";
    const last = await allButLast(platform, "phase3-to-phase4", "phase_3_analytics", recent);
    const down = { ...platform, warehouse: { ...platform.warehouse, query: () => Promise.reject(new Error("warehouse down")) } };
    await phase3TransitionHandler(down, delivery(completion("phase_3_analytics", last, "success", recent), PHASE3, 15));
    await expect(gateSweepHandler(down, {})).resolves.toMatchObject({ kind: "done", body: { swept: [expect.objectContaining({ transition: "phase3-to-phase4", outcome: "blocked" })] } });
    expect(platform.bus.published.filter((m) => m.topic === "nba-phase4-trigger")).toEqual([]);
    await expect(gateSweepHandler(platform, {})).resolves.toMatchObject({ kind: "done", body: { swept: [expect.objectContaining({ transition: "phase3-to-phase4", game_date: recent, outcome: "published" })] } });
    expect(platform.bus.published.filter((m) => m.topic === "nba-phase4-trigger").map((m) => m.body)).toEqual([expect.objectContaining({ game_date: recent })]);
    await expect(gateSweepHandler(platform, { date: "NEVER" })).resolves.toMatchObject({ kind: "rejected" });
  });

  test("over HTTP: a scheduler call is plain JSON (no push envelope); done 200, rejected 400", async () => {
    const served = await serveRole("phase-orchestrator");
    try {
      expect(await served.post("/gates/sweep", "{}")).toEqual({ status: 200, json: { status: "done", swept: [] } });
      expect(await served.post("/trigger", JSON.stringify({ phase: "phase_3_analytics", date: "SOMEDAY" }))).toMatchObject({ status: 400, json: { status: "rejected" } });
      expect(await served.post("/trigger", "not json")).toMatchObject({ status: 400 });
    } finally {
      await served.stop();
    }
  });
});

describe("serve --role analytics-processors: the phase-3 trigger", () => {
  const trigger = (extra: Record<string, unknown>) => phaseTriggerFixture("phase_3_analytics", { game_date: DATE, ...extra });

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
