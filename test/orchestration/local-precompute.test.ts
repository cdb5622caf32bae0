import { nbacSchedule } from "../../runtime/catalog/tables/nbac-schedule";
import { buildCompletionMessage } from "../../runtime/messages/completion-message";
import type { RunRecord } from "../../runtime/monitoring/run-record";
import { wireLocalPrecompute } from "../../runtime/orchestration/local-precompute";
import type { PipelineRun } from "../../runtime/orchestration/local-pipeline";
import { transitionFor } from "../../runtime/orchestration/transition-handler";
import { scheduleRow } from "../support/schedule-row";
import { openTestPlatform, type TestPlatform } from "../support/test-platform";

const spec = transitionFor("phase3-to-phase4");
const [COMPLETE, MISSING_CRITICAL, NO_GAMES] = ["2025-03-01", "2025-03-02", "2025-03-03"] as const;
const PRECOMPUTE = ["team_defense_zone_analysis", "player_shot_zone_analysis", "player_daily_cache", "player_composite_factors", "ml_feature_store_v2"];

const analytics = (processor: string, gameDate: string) =>
  buildCompletionMessage({ processor_name: processor, phase: "phase_3_analytics", execution_id: `e-${processor}-${gameDate}`, correlation_id: `c-${gameDate}`, game_date: gameDate, status: "success", timestamp: "2025-03-16T10:00:00.000Z", metadata: { source_kind: "sim" } });

describe("the local pipeline's phase 4: through the 3->4 transition, one range run", () => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await openTestPlatform();
    await platform.warehouse.merge(nbacSchedule, [COMPLETE, MISSING_CRITICAL].map((d, i) => ({ ...scheduleRow(`992400000${i}`, { game_date: d }), source_kind: "sim" as const })));
  });
  afterEach(() => platform.warehouse.close());

  test("dates the transition starts are queued and run once as a range; each date gets one completion per processor; a date missing a critical completion is blocked", async () => {
    const precompute = wireLocalPrecompute(platform, "sim");
    await precompute.reset([COMPLETE, MISSING_CRITICAL, NO_GAMES]);
    for (const e of spec.expected.backfill) await platform.bus.publish(spec.completionTopic, analytics(e.processor, COMPLETE));
    await platform.bus.publish(spec.completionTopic, analytics("player_game_summary", MISSING_CRITICAL));

    await expect(precompute.settleDate(COMPLETE)).resolves.toEqual([]);
    const blocked = await precompute.settleDate(MISSING_CRITICAL);
    expect(blocked.map((l) => [l.processor, l.scope, l.status])).toEqual(PRECOMPUTE.map((p) => [p, MISSING_CRITICAL, "blocked"]));
    expect(blocked[0]?.error_message).toBe("not run: phase 3 incomplete, waiting for critical upcoming_player_game_context");
    // No final game that day: started as its schedule would, through the same gates.
    await expect(precompute.settleDate(NO_GAMES)).resolves.toEqual([]);
    expect(platform.bus.published.filter((m) => m.topic === "nba-phase4-trigger").map((m) => (m.body as { game_date: string }).game_date)).toEqual([COMPLETE, NO_GAMES]);
    expect(platform.bus.published.filter((m) => m.topic === "nba-phase4-precompute-complete")).toEqual([]);

    const runs: RunRecord[] = [];
    const notRun: PipelineRun[] = [];
    await precompute.settle([], (r) => runs.push(r), (l) => notRun.push(l));
    expect(runs.map((r) => [r.processor_name, r.scope])).toEqual(PRECOMPUTE.map((p) => [p, `${COMPLETE}..${NO_GAMES}`]));
    expect(notRun).toEqual([]);
    const completions = platform.bus.published.filter((m) => m.topic === "nba-phase4-precompute-complete").map((m) => m.body as { processor_name: string; game_date: string; correlation_id: string });
    expect(completions.map((c) => [c.processor_name, c.game_date])).toEqual(PRECOMPUTE.flatMap((p) => [[p, COMPLETE], [p, NO_GAMES]]));
    expect(completions.find((c) => c.game_date === COMPLETE)?.correlation_id).toBe(`c-${COMPLETE}`);
  });

  test("a queued date whose upstream run failed is left out of the range and reported blocked (fail closed)", async () => {
    const precompute = wireLocalPrecompute(platform, "sim");
    await precompute.reset([COMPLETE, NO_GAMES]);
    for (const e of spec.expected.backfill) await platform.bus.publish(spec.completionTopic, analytics(e.processor, COMPLETE));
    await precompute.settleDate(COMPLETE);
    await precompute.settleDate(NO_GAMES);
    const failed: PipelineRun = { phase: "phase_3_analytics", processor: "team_offense_game_summary", scope: NO_GAMES, status: "failed", rows_written: 0, rows_quarantined: 0, duration_ms: 0, rows_read: null, zero_row_category: null, missing_games: [] };
    const runs: RunRecord[] = [];
    const notRun: PipelineRun[] = [];
    await precompute.settle([failed], (r) => runs.push(r), (l) => notRun.push(l));
    expect(runs.map((r) => r.scope)).toEqual(PRECOMPUTE.map(() => COMPLETE));
    expect(notRun.map((l) => [l.processor, l.scope])).toEqual(PRECOMPUTE.map((p) => [p, NO_GAMES]));
    expect(platform.bus.published.filter((m) => m.topic === "nba-phase4-precompute-complete").map((m) => (m.body as { game_date: string }).game_date)).toEqual(PRECOMPUTE.map(() => COMPLETE));
  });
});
