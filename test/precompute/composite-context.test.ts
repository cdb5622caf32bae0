import type { RowOf } from "../../runtime/catalog/derive/row-type";
import { nbacSchedule } from "../../runtime/catalog/tables/nbac-schedule";
import { playerGameSummary } from "../../runtime/catalog/tables/player-game-summary";
import { upcomingPlayerGameContext } from "../../runtime/catalog/tables/upcoming-player-game-context";
import type { TableSpec } from "../../runtime/catalog/types";
import { addDays } from "../../runtime/domain/et-date";
import { transformCompositeFactors } from "../../runtime/processors/precompute/player-composite-factors";

function rowOf<T extends TableSpec>(table: T, values: Record<string, unknown>): RowOf<T> {
  return { ...Object.fromEntries(table.columns.map((c) => [c.name, null])), ...values } as RowOf<T>;
}

const DATE = "2024-12-01";
/** BOS every other day: 7 games before the date, then NYK at BOS on it. */
const dates = Array.from({ length: 7 }, (_, i) => addDays(DATE, -2 * (7 - i)));
const schedule = [...dates, DATE].map((d) =>
  rowOf(nbacSchedule, { game_id: `00224${d.replace(/-/g, "").slice(3)}`, canonical_game_id: `${d.replace(/-/g, "")}_NYK_BOS`, season_year: 2024, game_date: d, game_status: d < DATE ? 3 : 1, home_team_tricode: "BOS", away_team_tricode: "NYK", is_regular_season: true }),
);
/** 30 minutes and usage 20 every game. */
const games = dates.map((d) =>
  rowOf(playerGameSummary, { game_id: `${d.replace(/-/g, "")}_NYK_BOS`, game_date: d, season_year: 2024, player_lookup: "jaysontatum", team_abbr: "BOS", opponent_team_abbr: "NYK", minutes_played: 30, points: 25, usage_rate: 20 }),
);
const upgc = rowOf(upcomingPlayerGameContext, {
  game_date: DATE, player_lookup: "jaysontatum", projected_usage_rate: 24, star_teammates_out: 1, player_age: 31, processed_at: "2024-12-01T15:00:00.000Z", data_hash: "u1",
});
const context = { dates: [DATE], processedAt: "2024-12-02T10:00:00.000Z", today: "2025-06-01" };
const run = (upcoming: RowOf<typeof upcomingPlayerGameContext>[]) => transformCompositeFactors({ schedule, games, teamOffense: [], shotZones: [], defenseZones: [], upcoming }, context);

describe("composite factors read the date's pre-game context (UPGC), by hand", () => {
  test("usage spike (24 − 20) × 0.3 × 1.15 (one star out) = 1.38; age 31 costs 5 fatigue: 95; 2 of 5 inputs present", () => {
    const [row] = run([upgc]);
    expect(row).toMatchObject({ usage_spike_score: 1.38, fatigue_score: 95, data_completeness_pct: 0.4, source_upcoming_context_rows_found: 1 });
    expect(row!.usage_context_json).toEqual({ projected_usage_rate: 24, avg_usage_rate_last_7_games: 20, star_teammates_out: 1 });
    // (95 − 100) / 20 + 0 + 0 + 1.38
    expect(row!.total_composite_adjustment).toBe(1.13);
  });

  test("without a context row: no spike by rule (never a guess), the age default (25) and 1 of 5 inputs", () => {
    expect(run([])[0]).toMatchObject({ usage_spike_score: 0, fatigue_score: 100, data_completeness_pct: 0.2, source_upcoming_context_rows_found: 0 });
  });
});
