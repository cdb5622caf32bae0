import { nbacSchedule } from "../../runtime/catalog/tables/nbac-schedule";
import { emptyCompletionState, type CompletionState } from "../../runtime/orchestration/completion-state";
import { localStart } from "../../runtime/orchestration/local-start";
import { transitionFor } from "../../runtime/orchestration/transition-handler";
import { completionVerdict } from "../../runtime/orchestration/transition-plan";
import { scheduleRow } from "../support/schedule-row";
import { openTestPlatform, type TestPlatform } from "../support/test-platform";

const DATE = "2025-03-15";
const spec = transitionFor("phase2-to-phase3");

function withCompletions(processors: readonly string[]): CompletionState {
  const state = emptyCompletionState(spec.name, spec.from, DATE, "overnight");
  const entry = { completed_at: "2025-03-16T06:00:00.000Z", correlation_id: "c", status: "success" as const, record_count: 1, execution_id: "e" };
  return { ...state, completions: Object.fromEntries(processors.map((p) => [p, entry])) };
}

const start = (platform: TestPlatform, state: CompletionState) => localStart(platform, spec, state, completionVerdict(state, spec, "2025-03-16T06:00:00.000Z"));

describe("how the local pipeline starts a waiting date once its phase is over", () => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await openTestPlatform();
  });
  afterEach(() => platform.warehouse.close());

  test("a day without final games is started as its schedule would", async () => {
    await expect(start(platform, withCompletions([]))).resolves.toEqual({ reason: "schedule", source: "scheduler" });
  });

  test("with final games: the critical player lines in and only optional sources missing is a relaxation; the season schedule counts once its games are stored", async () => {
    await platform.warehouse.merge(nbacSchedule, [{ ...scheduleRow("9924000001"), source_kind: "sim" }]);
    // The schedule was loaded for the range's first date, so this date has no nbac_schedule completion of its own.
    await expect(start(platform, withCompletions(["nbac_player_boxscores"]))).resolves.toEqual({ reason: "relaxed", source: "orchestrator" });
    // The official player lines missing on a day with final games is a real gap: blocked.
    await expect(start(platform, withCompletions(["nbac_schedule", "nbac_team_boxscore", "nbac_play_by_play", "bdl_player_boxscores", "nbac_scoreboard_v2"]))).resolves.toBeNull();
  });
});
