import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { catalog, catalogProblems } from "../../runtime/catalog";
import type { PhaseTrigger } from "../../runtime/messages/phase-trigger";
import { buildCompletionMessage } from "../../runtime/messages/completion-message";
import { handleCompletion, loadCompletionState, recordAndAdvance, transitionFor } from "../../runtime/orchestration/transition-handler";
import { handleTriggerRequest } from "../../runtime/orchestration/scheduled-trigger";
import { localHealthProbe } from "../../runtime/orchestration/health-probe";
import { OrchestrationError } from "../../runtime/orchestration/orchestration-error";
import { sweepGates } from "../../runtime/orchestration/gate-sweep";
import { plannedTransitions } from "../../runtime/catalog/transitions";
import { openDrillPlatform, analyticsCompletion, DRILL_DATE, DRILL_TOPICS, DRILL_TRANSITIONS, type DrillPlatform } from "../../runtime/drills/orchestration-harness";

const phase2to3 = transitionFor("phase2-to-phase3");
const phase3to4 = transitionFor("phase3-to-phase4");

function rawCompletion(processor: string, gameDate: string): unknown {
  return buildCompletionMessage({
    processor_name: processor,
    phase: "phase_2_raw",
    execution_id: `e-${processor}`,
    correlation_id: "corr-1",
    game_date: gameDate,
    status: "success",
    timestamp: "2025-03-16T14:00:00.000Z",
    record_count: 5,
    metadata: { source_kind: "replay" },
  });
}

/** The optional post-game sources of the overnight 2->3 set. */
const OPTIONAL_2TO3 = ["nbac_team_boxscore", "nbac_play_by_play", "bdl_player_boxscores", "nbac_scoreboard_v2"];

/** A transition with no trigger topic: its next phase is started in process by `startPhase`. */
const inProcess2to3 = { ...phase2to3, triggerTopic: null };

describe("catalog transitions", () => {
  test("are consistent with topics, roles and processors; only what runs is declared", () => {
    expect(catalogProblems()).toEqual([]);
    // Declared equals running: 4->5 waits in plannedTransitions until a prediction service exists.
    expect(catalog.transitions.map((t) => `${t.from}->${t.to}`)).toEqual(["phase_2_raw->phase_3_analytics", "phase_3_analytics->phase_4_precompute"]);
    expect(plannedTransitions.map((t) => `${t.from}->${t.to}`)).toEqual(["phase_4_precompute->phase_5_predictions"]);
    expect(DRILL_TRANSITIONS.map((t) => t.name)).toEqual(["phase2-to-phase3", "phase3-to-phase4", "phase4-to-phase5"]);
  });

  test("2->3 expects the catalog's phase-2 processors per mode: schedule and player lines critical overnight, the post-game sources optional and relaxed after a delay", () => {
    const phase2 = new Set(catalog.processors.filter((p) => p.phase === "phase_2_raw").map((p) => p.name));
    const names = (mode: "overnight" | "same_day" | "backfill", critical: boolean) => phase2to3.expected[mode].filter((e) => e.critical === critical).map((e) => e.processor);
    for (const mode of ["overnight", "same_day", "backfill"] as const) for (const e of phase2to3.expected[mode]) expect(phase2).toContain(e.processor);
    expect(names("overnight", true)).toEqual(["nbac_schedule", "nbac_player_boxscores"]);
    expect(names("overnight", false)).toEqual(["nbac_team_boxscore", "nbac_play_by_play", "bdl_player_boxscores", "nbac_scoreboard_v2"]);
    expect(names("backfill", true)).toEqual(["nbac_player_boxscores"]);
    // Same-day phase 3 is started by the same-day-phase3 schedule, not by completions.
    expect(phase2to3.expected.same_day).toEqual([]);
    // The critical sources alone are enough once the last relaxation's time has come.
    expect(phase2to3.relaxations.at(-1)?.minCompleted).toBeLessThanOrEqual(names("overnight", true).length);
  });

  test("a transition expecting an unknown processor or publishing where its handler may not is reported", () => {
    const broken = {
      ...catalog,
      transitions: catalog.transitions.map((t) =>
        t.name === "phase2-to-phase3" ? { ...t, triggerTopic: "nba-phase6-export-trigger", expected: { ...t.expected, overnight: [{ processor: "nope", critical: true }] } } : t,
      ),
    };
    expect(catalogProblems(broken)).toEqual([
      "transition phase2-to-phase3 publishes unknown topic nba-phase6-export-trigger",
      "transition phase2-to-phase3: phase-orchestrator handles nba-phase2-raw-complete but may not publish nba-phase6-export-trigger",
      "transition phase2-to-phase3 (overnight) expects nope, which is neither a phase_2_raw processor nor a table it writes",
    ]);
  });
});

describe("transition handler on embedded adapters", () => {
  let dir: string;
  let platform: DrillPlatform;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "nba-props-transition-"));
    platform = await openDrillPlatform(dir);
  });
  afterEach(async () => {
    await platform.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("an invalid completion is permanent: acknowledged once, alerted, nothing recorded", async () => {
    const outcome = await handleCompletion({ platform, health: localHealthProbe(platform) }, phase3to4, {
      messageId: "m1",
      topic: phase3to4.completionTopic,
      subscription: "nba-phase3-analytics-complete--phase-orchestrator",
      attempt: 1,
      body: { processor_name: "player_game_summary", phase: "phase_3_analytics" },
    });
    expect(outcome).toEqual({ kind: "ack" });
    expect(platform.alerts.map((a) => a.title)).toEqual(["invalid phase_3_analytics completion dropped"]);
    await expect(loadCompletionState({ platform, health: localHealthProbe(platform) }, phase3to4, DRILL_DATE)).resolves.toBeNull();
  });

  test("2->3 publishes the phase-3 trigger once the overnight set completed, exactly once, carrying their source kind", async () => {
    const ctx = { platform, health: localHealthProbe(platform) };
    await expect(recordAndAdvance(ctx, phase2to3, rawCompletion("nbac_schedule", DRILL_DATE))).resolves.toEqual({ kind: "waiting", waitingFor: "critical nbac_player_boxscores" });
    await expect(recordAndAdvance(ctx, phase2to3, rawCompletion("nbac_player_boxscores", DRILL_DATE))).resolves.toEqual({ kind: "waiting", waitingFor: "nbac_team_boxscore, nbac_play_by_play, bdl_player_boxscores, nbac_scoreboard_v2" });
    for (const optional of ["nbac_team_boxscore", "nbac_play_by_play", "bdl_player_boxscores"]) await expect(recordAndAdvance(ctx, phase2to3, rawCompletion(optional, DRILL_DATE))).resolves.toMatchObject({ kind: "waiting" });
    await expect(recordAndAdvance(ctx, phase2to3, rawCompletion("nbac_scoreboard_v2", DRILL_DATE))).resolves.toMatchObject({ kind: "published", reason: "all_complete" });
    await expect(recordAndAdvance(ctx, phase2to3, rawCompletion("nbac_player_boxscores", DRILL_DATE))).resolves.toMatchObject({ kind: "already_triggered" });
    const triggers = platform.bus.published.filter((m) => m.topic === "nba-phase3-trigger");
    expect(triggers).toHaveLength(1);
    expect(triggers[0]?.body).toMatchObject({ phase: "phase_3_analytics", game_date: DRILL_DATE, source_kind: "replay", completed_processors: ["nbac_schedule", "nbac_player_boxscores", "nbac_team_boxscore", "nbac_play_by_play", "bdl_player_boxscores", "nbac_scoreboard_v2"] });
  });

  test("2->3 through a real night: the schedule's completion and the same-day start on the day do not stop the overnight start the next morning", async () => {
    const today = "2025-03-16";
    const ctx = { platform, health: localHealthProbe(platform), scheduleLookup: () => Promise.resolve({ games: 6, finalGames: 0 }) };
    // On the day: the schedule refresh completes, the same-day schedule starts phase 3 for the slate.
    await expect(recordAndAdvance(ctx, phase2to3, rawCompletion("nbac_schedule", today))).resolves.toMatchObject({ kind: "waiting" });
    await expect(handleTriggerRequest(ctx, { phase: "phase_3_analytics", date: "TODAY" })).resolves.toMatchObject({ dates: [{ game_date: today, kind: "published", reason: "schedule" }] });
    // After midnight ET the box scores of the games played arrive.
    platform.clock.advance(24 * 60 * 60_000);
    for (const p of OPTIONAL_2TO3) await expect(recordAndAdvance(ctx, phase2to3, rawCompletion(p, today))).resolves.toMatchObject({ kind: "waiting" });
    await expect(recordAndAdvance(ctx, phase2to3, rawCompletion("nbac_player_boxscores", today))).resolves.toMatchObject({ kind: "published", reason: "all_complete" });
    const triggers = platform.bus.published.filter((m) => m.topic === "nba-phase3-trigger").map((m) => m.body);
    expect(triggers).toEqual([
      expect.objectContaining({ game_date: today, mode: "same_day", trigger_reason: "schedule" }),
      expect.objectContaining({ game_date: today, mode: "overnight", trigger_reason: "all_complete", completed_processors: ["nbac_schedule", "nbac_player_boxscores", ...OPTIONAL_2TO3] }),
    ]);
  });

  test("2->3: a missing optional source does not block forever; the sweep relaxes the set once its time has come", async () => {
    const ctx = { platform, health: localHealthProbe(platform) };
    for (const p of ["nbac_schedule", "nbac_player_boxscores", "nbac_team_boxscore", "nbac_scoreboard_v2"]) await recordAndAdvance(ctx, phase2to3, rawCompletion(p, DRILL_DATE));
    await expect(sweepGates(ctx)).resolves.toEqual([{ transition: "phase2-to-phase3", game_date: DRILL_DATE, outcome: "waiting", detail: "waiting for nbac_play_by_play, bdl_player_boxscores" }]);
    const first = phase2to3.relaxations[0]!;
    platform.clock.advance(first.afterMinutes * 60_000);
    await expect(sweepGates(ctx)).resolves.toEqual([{ transition: "phase2-to-phase3", game_date: DRILL_DATE, outcome: "published", detail: expect.stringMatching(/\(relaxed\)$/) }]);
    expect(platform.bus.published.filter((m) => m.topic === "nba-phase3-trigger").map((m) => m.body)).toEqual([expect.objectContaining({ trigger_reason: "relaxed", missing_processors: ["nbac_play_by_play", "bdl_player_boxscores"] })]);
  });

  test("2->3: with a critical source missing no time relaxes the set", async () => {
    const ctx = { platform, health: localHealthProbe(platform) };
    for (const p of ["nbac_schedule", "nbac_team_boxscore", "nbac_play_by_play", "bdl_player_boxscores", "nbac_scoreboard_v2"]) await recordAndAdvance(ctx, phase2to3, rawCompletion(p, DRILL_DATE));
    platform.clock.advance(24 * 60 * 60_000);
    await expect(sweepGates(ctx, [DRILL_DATE])).resolves.toEqual([{ transition: "phase2-to-phase3", game_date: DRILL_DATE, outcome: "waiting", detail: "waiting for critical nbac_player_boxscores" }]);
  });

  test("a transition without a trigger topic starts its phase in process once its set completed, exactly once", async () => {
    const started: PhaseTrigger[] = [];
    const ctx = { platform, health: localHealthProbe(platform), startPhase: (t: PhaseTrigger) => (started.push(t), Promise.resolve()) };
    await expect(recordAndAdvance(ctx, inProcess2to3, rawCompletion("nbac_schedule", DRILL_DATE))).resolves.toEqual({ kind: "waiting", waitingFor: "critical nbac_player_boxscores" });
    for (const p of OPTIONAL_2TO3) await recordAndAdvance(ctx, inProcess2to3, rawCompletion(p, DRILL_DATE));
    const published = await recordAndAdvance(ctx, inProcess2to3, rawCompletion("nbac_player_boxscores", DRILL_DATE));
    expect(published).toMatchObject({ kind: "published", reason: "all_complete" });
    await expect(recordAndAdvance(ctx, inProcess2to3, rawCompletion("nbac_player_boxscores", DRILL_DATE))).resolves.toMatchObject({ kind: "already_triggered" });
    expect(started).toHaveLength(1);
    expect(started[0]).toMatchObject({ phase: "phase_3_analytics", game_date: DRILL_DATE, mode: "overnight", correlation_id: "corr-1", completed_processors: ["nbac_schedule", "nbac_player_boxscores", ...OPTIONAL_2TO3], trigger_source: "orchestrator" });
    expect(platform.events.filter((e) => e.event === "gate_passed")).toEqual([expect.objectContaining({ gate: "all", game_date: DRILL_DATE, transition: "phase2-to-phase3" })]);
  });

  test("a transition without a trigger topic and without an in-process starter fails loudly (retried), and latches nothing", async () => {
    const ctx = { platform, health: localHealthProbe(platform) };
    for (const p of ["nbac_schedule", ...OPTIONAL_2TO3]) await recordAndAdvance(ctx, inProcess2to3, rawCompletion(p, DRILL_DATE));
    await expect(recordAndAdvance(ctx, inProcess2to3, rawCompletion("nbac_player_boxscores", DRILL_DATE))).rejects.toThrow(OrchestrationError);
    expect((await loadCompletionState(ctx, inProcess2to3, DRILL_DATE))?.triggered).toBe(false);
  });

  test("a failed or unexpected completion does not count", async () => {
    const ctx = { platform, health: localHealthProbe(platform) };
    const failed = buildCompletionMessage({ ...(rawCompletion("nbac_schedule", DRILL_DATE) as object), status: "failed" });
    await expect(recordAndAdvance(ctx, phase2to3, failed)).resolves.toEqual({ kind: "ignored", why: "status failed does not count as a completion" });
  });

  test("a blocked gate is redelivered with the bus's backoff on the simulated clock, acknowledged on the last attempt", async () => {
    const ctx = { platform, health: { check: () => Promise.resolve({ healthy: false, detail: "down for the test" }) } };
    const subscription = "nba-phase3-analytics-complete--phase-orchestrator";
    // Attempts and backoff come from the subscription's spec on the drill bus, not from literals.
    const spec = DRILL_TOPICS.flatMap((t) => t.subscriptions).find((s) => s.name === subscription);
    if (!spec) throw new Error(`no subscription ${subscription}`);
    const attempts = spec.maxDeliveryAttempts;
    const backoffMs = Array.from({ length: attempts - 1 }, (_, i) => Math.min(spec.retry.minimumBackoffSeconds * 1000 * 2 ** i, spec.retry.maximumBackoffSeconds * 1000));
    platform.bus.subscribe(subscription, (d) => handleCompletion(ctx, phase3to4, d));
    await platform.bus.publish(phase3to4.completionTopic, analyticsCompletion("player_game_summary", DRILL_DATE, platform.clock.now()));
    await platform.bus.publish(phase3to4.completionTopic, analyticsCompletion("upcoming_player_game_context", DRILL_DATE, platform.clock.now()));
    const start = platform.clock.now().getTime();
    await platform.bus.publish(phase3to4.completionTopic, analyticsCompletion("team_offense_game_summary", DRILL_DATE, platform.clock.now()));
    expect(platform.bus.deliveries.filter((d) => d.subscription === subscription).map((d) => d.outcome)).toEqual(["ack", "ack", ...Array<string>(attempts - 1).fill("retry"), "ack"]);
    expect(platform.clock.sleeps).toEqual(backoffMs);
    expect(platform.clock.now().getTime() - start).toBe(backoffMs.reduce((a, b) => a + b, 0));
    expect(platform.bus.deadLetters).toEqual([]);
    expect(platform.alerts).toHaveLength(1);
    const state = await loadCompletionState(ctx, phase3to4, DRILL_DATE);
    expect(state).toMatchObject({ state: "blocked", triggered: false, gate: { status: "blocked", evaluations: attempts, reasons: ["health: down for the test"] } });
    expect(platform.events.filter((e) => e.event === "gate_blocked")).toHaveLength(attempts);
  });

  test("a scheduled trigger on a day without games publishes nothing and says so; with games it runs the gates", async () => {
    let games = 0;
    const ctx = { platform, health: localHealthProbe(platform), scheduleLookup: () => Promise.resolve({ games, finalGames: 0 }) };
    const triggers: unknown[] = [];
    platform.bus.subscribe("nba-phase4-trigger--precompute-processors", (d) => (triggers.push(d.body), Promise.resolve({ kind: "ack" })));
    // Phase 5 is planned, not declared: the declared transitions have no gate into it.
    await expect(handleTriggerRequest(ctx, { phase: "phase_5_predictions", date: "TODAY" })).rejects.toThrow(/no gate starts phase_5_predictions/);
    await expect(handleTriggerRequest(ctx, { phase: "phase_4_precompute", date: "TODAY" })).resolves.toEqual({ phase: "phase_4_precompute", dates: [{ game_date: "2025-03-16", games: 0, kind: "no_games" }] });
    games = 6;
    const result = await handleTriggerRequest(ctx, { phase: "phase_4_precompute", date: "TODAY" });
    expect(result.dates[0]).toMatchObject({ game_date: "2025-03-16", games: 6, kind: "published", reason: "schedule" });
    await expect(handleTriggerRequest(ctx, { phase: "phase_4_precompute", date: "TODAY" })).resolves.toMatchObject({ dates: [{ kind: "already_triggered" }] });
    expect(triggers).toEqual([expect.objectContaining({ phase: "phase_4_precompute", game_date: "2025-03-16", mode: "same_day", trigger_reason: "schedule", trigger_source: "scheduler" })]);
  });

  test("the sweep applies a relaxation once its time has come (4->5 after 60 minutes with 4 of 5)", async () => {
    const spec = transitionFor("phase4-to-phase5");
    const triggers: unknown[] = [];
    platform.bus.subscribe("nba-predictions-trigger--prediction-coordinator", (d) => (triggers.push(d.body), Promise.resolve({ kind: "ack" })));
    const ctx = { platform, health: localHealthProbe(platform), transitions: DRILL_TRANSITIONS };
    for (const processor of ["player_daily_cache", "ml_feature_store_v2", "player_composite_factors", "player_shot_zone_analysis"]) {
      await recordAndAdvance(ctx, spec, buildCompletionMessage({ processor_name: processor, phase: "phase_4_precompute", execution_id: processor, correlation_id: "c", game_date: DRILL_DATE, status: "success", timestamp: platform.clock.now().toISOString() }));
    }
    await expect(sweepGates(ctx)).resolves.toEqual([{ transition: "phase4-to-phase5", game_date: DRILL_DATE, outcome: "waiting", detail: "waiting for team_defense_zone_analysis" }]);
    (platform.clock).advance(60 * 60_000);
    await expect(sweepGates(ctx)).resolves.toEqual([{ transition: "phase4-to-phase5", game_date: DRILL_DATE, outcome: "published", detail: expect.stringMatching(/\(relaxed\)$/) }]);
    expect(triggers).toEqual([expect.objectContaining({ missing_processors: ["team_defense_zone_analysis"], trigger_reason: "relaxed" })]);
  });
});
