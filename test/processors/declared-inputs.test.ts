import { nbacPlayByPlay, nbacSchedule, teamOffenseGameSummary } from "../../runtime/catalog";
import { judgeDependencies, lowerTier, windowRange, type DeclaredInput } from "../../runtime/processors/base/declared-inputs";

const now = new Date("2025-01-16T10:00:00.000Z");
const input = (overrides: Partial<DeclaredInput>): DeclaredInput => ({ table: teamOffenseGameSummary, window: { kind: "day" }, minRows: { perFinalGame: 2 }, criticality: "critical", ...overrides });

describe("declared inputs", () => {
  test("windows end the day before for history (point in time) and start on 1 October of the season", () => {
    expect(windowRange({ kind: "day" }, "2025-01-15")).toEqual({ from: "2025-01-15", to: "2025-01-15" });
    expect(windowRange({ kind: "days_before", days: 14 }, "2025-01-15")).toEqual({ from: "2025-01-01", to: "2025-01-14" });
    expect(windowRange({ kind: "days_through", days: 2 }, "2025-01-15")).toEqual({ from: "2025-01-13", to: "2025-01-15" });
    expect(windowRange({ kind: "season_before" }, "2025-01-15")).toEqual({ from: "2024-10-01", to: "2025-01-14" });
    expect(windowRange({ kind: "season_through" }, "2024-10-22")).toEqual({ from: "2024-10-01", to: "2024-10-22" });
  });

  test("a threshold per final game, a fixed one, and staleness", () => {
    const inputs = [
      ["team_offense", input({})],
      ["schedule", input({ table: nbacSchedule, window: { kind: "season_through" }, minRows: 1 })],
      ["play_by_play", input({ table: nbacPlayByPlay, minRows: { perFinalGame: 1 }, criticality: "soft", maxStalenessHours: 24 })],
    ] as const;
    const statuses = judgeDependencies(
      inputs,
      [
        { rows: 15, lastUpdated: "2025-01-16T09:00:00.000Z" },
        { rows: 1230, lastUpdated: "2024-10-01T00:00:00.000Z" },
        { rows: 5000, lastUpdated: "2025-01-14T09:00:00.000Z" },
      ],
      "2025-01-15",
      8,
      now,
    );
    // 8 final games need 16 team-offense rows; 15 is below. The play-by-play is 49 h old (limit 24).
    expect(statuses.map((s) => [s.input, s.required, s.ok, s.stale])).toEqual([
      ["team_offense", 16, false, false],
      ["schedule", 1, true, false],
      ["play_by_play", 8, false, true],
    ]);
    expect(statuses[0]).toMatchObject({ table: "nba_analytics.team_offense_game_summary", from: "2025-01-15", to: "2025-01-15", criticality: "critical" });
  });

  test("a degraded soft input lowers a row one tier and caps its score", () => {
    expect(lowerTier({ data_quality_tier: "gold", quality_score: 100 })).toEqual({ data_quality_tier: "silver", quality_score: 85 });
    expect(lowerTier({ data_quality_tier: "silver", quality_score: 85 })).toEqual({ data_quality_tier: "bronze", quality_score: 70 });
    expect(lowerTier({ data_quality_tier: "unusable", quality_score: 0 })).toEqual({ data_quality_tier: "unusable", quality_score: 0 });
    expect(lowerTier({ other: 1 })).toEqual({ other: 1 });
  });
});
