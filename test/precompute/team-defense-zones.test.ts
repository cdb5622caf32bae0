import type { RowOf } from "../../runtime/catalog/derive/row-type";
import { nbacSchedule } from "../../runtime/catalog/tables/nbac-schedule";
import { teamDefenseGameSummary } from "../../runtime/catalog/tables/team-defense-game-summary";
import type { TableSpec } from "../../runtime/catalog/types";
import { addDays } from "../../runtime/domain/et-date";
import { transformTeamDefenseZones } from "../../runtime/processors/precompute/team-defense-zone-analysis";

/** A row of the table with every column null, then the given values. */
function rowOf<T extends TableSpec>(table: T, values: Record<string, unknown>): RowOf<T> {
  return { ...Object.fromEntries(table.columns.map((c) => [c.name, null])), ...values } as RowOf<T>;
}

const OPENING = "2024-10-22";
const schedule = (date: string, home: string, away: string) =>
  rowOf(nbacSchedule, { game_id: `002240${date.replace(/-/g, "")}`, canonical_game_id: `${date.replace(/-/g, "")}_${away}_${home}`, season_year: 2024, game_date: date, game_status: 3, home_team_tricode: home, away_team_tricode: away, is_regular_season: true });

/** BOS defends 15 identical games: paint 20/36, mid 8/20, three 12/35 allowed, 110 points on 100 possessions. */
const defenseGame = (date: string, overrides: Record<string, unknown> = {}) =>
  rowOf(teamDefenseGameSummary, {
    game_id: `g${date}`, game_date: date, season_year: 2024, defending_team_abbr: "BOS", opponent_team_abbr: "NYK",
    points_allowed: 110, opp_possessions: 100, opponent_pace: 98, points_in_paint_allowed: 40,
    opp_paint_attempts: 36, opp_paint_makes: 20, opp_mid_range_attempts: 20, opp_mid_range_makes: 8, opp_three_pt_attempts: 35, opp_three_pt_makes: 12,
    blocks_paint: 3, blocks_mid_range: 1, blocks_three_pt: 0, processed_at: "2025-01-01T00:00:00.000Z", data_hash: `h${date}`,
    ...overrides,
  });

const ANALYSIS = "2024-12-01";
const days = Array.from({ length: 15 }, (_, i) => addDays("2024-11-01", i * 2));
const context = { dates: [ANALYSIS], processedAt: "2025-01-01T00:00:00.000Z", today: "2025-06-01" };
const inputs = (extra: ReturnType<typeof defenseGame>[] = []) => ({
  schedule: [schedule(OPENING, "BOS", "NYK"), schedule(ANALYSIS, "BOS", "NYK")],
  defense: [...days.map((d) => defenseGame(d)), ...extra],
});

describe("team_defense_zone_analysis from 15 games, values by hand", () => {
  const bos = () => transformTeamDefenseZones(inputs(), context).find((r) => r.team_abbr === "BOS")!;

  test("pct allowed = Σmakes / Σattempts; per game; rating per 100 possessions", () => {
    expect(bos()).toMatchObject({
      games_in_sample: 15,
      paint_pct_allowed_last_15: 0.556, // 300 / 540
      mid_range_pct_allowed_last_15: 0.4, // 120 / 300
      three_pt_pct_allowed_last_15: 0.343, // 180 / 525
      paint_attempts_allowed_per_game: 36,
      paint_blocks_per_game: 3,
      paint_points_allowed_per_game: 40,
      defensive_rating_last_15: 110, // 1650 / 1500 × 100
      opponent_points_per_game: 110,
      opponent_pace: 98,
      data_quality_tier: "high",
      early_season_flag: false,
    });
  });

  test("with one team (< 10 qualify) the league is 0.580 / 0.410 / 0.355; strongest = lowest, weakest = highest", () => {
    expect(bos()).toMatchObject({
      paint_defense_vs_league_avg: -2.44, // (0.5556 − 0.58) × 100
      mid_range_defense_vs_league_avg: -1, // (0.4 − 0.41) × 100
      three_pt_defense_vs_league_avg: -1.21, // (0.3429 − 0.355) × 100
      strongest_zone: "paint",
      weakest_zone: "mid_range",
    });
  });

  test("point in time: a game on the analysis date (or later) changes nothing", () => {
    const wild = { points_allowed: 200, opp_paint_makes: 36, opp_possessions: 50 };
    const withLater = transformTeamDefenseZones(inputs([defenseGame(ANALYSIS, wild), defenseGame(addDays(ANALYSIS, 1), wild)]), context);
    expect(withLater).toEqual(transformTeamDefenseZones(inputs(), context));
  });

  test("fewer than 15 games after the first 14 days: skipped; within them: a placeholder without numbers", () => {
    const short = { ...inputs(), defense: days.slice(0, 14).map((d) => defenseGame(d)) };
    expect(transformTeamDefenseZones(short, context)).toEqual([]);
    const early = transformTeamDefenseZones({ schedule: [...short.schedule, schedule("2024-10-30", "BOS", "NYK")], defense: [defenseGame("2024-10-22"), defenseGame("2024-10-25")] }, { ...context, dates: ["2024-10-30"] });
    const bosEarly = early.find((r) => r.team_abbr === "BOS")!;
    expect(bosEarly).toMatchObject({ early_season_flag: true, games_in_sample: 2, data_quality_tier: "low", paint_pct_allowed_last_15: null, defensive_rating_last_15: null, strongest_zone: null });
  });
});
