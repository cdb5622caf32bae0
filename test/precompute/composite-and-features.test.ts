import { compositeWarnings, fatigueScore, paceScore, shotZoneMismatch, totalAdjustment, usageSpikeScore } from "../../runtime/processors/precompute/composite-factors";
import { FEATURE_NAMES, buildFeatures, featureQualityScore, minutesChange, qualityTier, recentTrend, type FeatureInputs } from "../../runtime/processors/precompute/features";
import { playerContext } from "../../runtime/processors/precompute/player-context";
import { primaryScoringZone, psaTier, sampleQuality, zoneRates } from "../../runtime/processors/precompute/shot-profile";
import { DEFAULT_LEAGUE_ZONE_PCT, leagueZoneAverages } from "../../runtime/processors/precompute/league-zone-averages";

const defense = (paint: number | null, mid: number | null, three: number | null) => ({ paint_defense_vs_league_avg: paint, mid_range_defense_vs_league_avg: mid, three_pt_defense_vs_league_avg: three });
const shots = (zone: string | null, paint: number | null, mid: number | null, three: number | null) => ({ primary_scoring_zone: zone, paint_rate_last_10: paint, mid_range_rate_last_10: mid, three_pt_rate_last_10: three });

describe("fatigue score (DOMAIN §4.4), computed by hand", () => {
  test("every penalty at once: 100 − 15 − 10 − 10 − 8 − 12 − 10 = 35", () => {
    expect(fatigueScore({ days_rest: 1, games_in_last_7_days: 4, minutes_in_last_7_days: 250, avg_minutes_per_game_last_7: 36, back_to_backs_last_14_days: 2, player_age: 36 })).toBe(35);
  });
  test("three days of rest earns +5 but the score stays at most 100", () => {
    expect(fatigueScore({ days_rest: 3, games_in_last_7_days: 2, minutes_in_last_7_days: 100, avg_minutes_per_game_last_7: 25, back_to_backs_last_14_days: 0, player_age: 25 })).toBe(100);
  });
  test("missing inputs take the documented defaults (rest 1 → −15): 85", () => {
    expect(fatigueScore({ days_rest: null, games_in_last_7_days: null, minutes_in_last_7_days: null, avg_minutes_per_game_last_7: null, back_to_backs_last_14_days: null, player_age: null })).toBe(85);
  });
  test("thresholds are strict where the rule says so: 35 mpg and 240 minutes cost nothing; one B2B −5, age 30 −5 → 90", () => {
    expect(fatigueScore({ days_rest: 2, games_in_last_7_days: 3, minutes_in_last_7_days: 240, avg_minutes_per_game_last_7: 35, back_to_backs_last_14_days: 1, player_age: 30 })).toBe(90);
  });
});

describe("shot-zone mismatch (DOMAIN §4.4)", () => {
  test("paint scorer (60%) against a paint defense 4.5 points weaker than the league: 4.5", () => {
    expect(shotZoneMismatch(shots("paint", 60, 20, 20), defense(4.5, 0, 0)).score).toBe(4.5);
  });
  test("perimeter maps to three_pt; usage 30 scales by 0.6; |6| > 5 is amplified ×1.2 → 7.2", () => {
    expect(shotZoneMismatch(shots("perimeter", 40, 30, 30), defense(0, 0, 10))).toEqual({ score: 7.2, zone: "three_pt", usage: 30, base: 10 });
  });
  test("a strong mid-range defense: −15 × 0.8 × 1.2 = −14.4, clamped to −10", () => {
    expect(shotZoneMismatch(shots("mid_range", 30, 40, 30), defense(0, -15, 0)).score).toBe(-10);
  });
  test("balanced counts as paint: 8 × (25/50) = 4", () => {
    expect(shotZoneMismatch(shots("balanced", 25, 35, 40), defense(8, 0, 0)).score).toBe(4);
  });
  test("no row, or no zone data for the opponent: 0, never a guess", () => {
    expect(shotZoneMismatch(undefined, defense(8, 0, 0)).score).toBe(0);
    expect(shotZoneMismatch(shots("paint", 60, 20, 20), undefined).score).toBe(0);
    expect(shotZoneMismatch(shots("paint", 60, 20, 20), defense(null, 1, 1)).score).toBe(0);
  });
});

describe("pace, usage spike, total and warnings", () => {
  test("pace score = differential / 2 within ±3; a missing differential is 0", () => {
    expect(paceScore(4.5)).toBe(2.25);
    expect(paceScore(-8)).toBe(-3);
    expect(paceScore(null)).toBe(0);
  });
  test("usage spike: (25 − 20) × 0.3 = 1.5, ×1.30 with two stars out = 1.95; negative spikes are not boosted; null input → 0", () => {
    expect(usageSpikeScore(25, 20, 0)).toBe(1.5);
    expect(usageSpikeScore(25, 20, 2)).toBe(1.95);
    expect(usageSpikeScore(18, 22, 2)).toBe(-1.2);
    expect(usageSpikeScore(40, 20, 0)).toBe(3);
    expect(usageSpikeScore(null, 20, 2)).toBe(0);
    expect(usageSpikeScore(25, null, 0)).toBe(0);
  });
  test("total = (85 − 100)/20 + 4.5 + 2.25 + 1.95 = 7.95", () => {
    expect(totalAdjustment(85, 4.5, 2.25, 1.95)).toBe(7.95);
  });
  test("warnings at their thresholds", () => {
    expect(compositeWarnings(35, -10, -13)).toEqual(["EXTREME_FATIGUE", "EXTREME_MATCHUP", "EXTREME_ADJUSTMENT"]);
    expect(compositeWarnings(50, 8, 12)).toEqual([]);
  });
});

describe("player context (DOMAIN §4.5): windows are game_date − N < d < game_date", () => {
  test("rest, games and minutes in 7 and 14 days, back-to-backs", () => {
    const games = [
      { game_date: "2025-03-14", minutes_played: 36 },
      { game_date: "2025-03-13", minutes_played: 34 },
      { game_date: "2025-03-10", minutes_played: 30 },
      { game_date: "2025-03-08", minutes_played: 32 },
      { game_date: "2025-03-01", minutes_played: 20 },
    ];
    expect(playerContext(games, "2025-03-15")).toEqual({
      days_rest: 1,
      games_in_last_7_days: 3, // 03-14, 03-13, 03-10 (03-08 is 7 days back: outside)
      games_in_last_14_days: 4, // 03-01 is 14 days back: outside
      minutes_in_last_7_days: 100,
      minutes_in_last_14_days: 132,
      avg_minutes_per_game_last_7: 33.33,
      back_to_backs_last_14_days: 1,
      player_age: null,
    });
  });
  test("no earlier game: no rest value rather than a zero", () => {
    expect(playerContext([], "2025-03-15")).toMatchObject({ days_rest: null, games_in_last_7_days: 0, avg_minutes_per_game_last_7: null });
  });
});

describe("shot profile helpers", () => {
  test("zone rates are percents of zoned shots and sum to 100", () => {
    const g = (paint: number, mid: number, three: number) => ({ paint_attempts: paint, paint_makes: 0, mid_range_attempts: mid, mid_range_makes: 0, three_attempts_pbp: three, three_makes_pbp: 0 });
    expect(zoneRates([g(4, 2, 3), g(6, 3, 2)])).toEqual({ paint: 50, mid_range: 25, three_pt: 25 });
    expect(zoneRates([g(4, 2, 3), { ...g(1, 1, 1), paint_attempts: null }])).toEqual({ paint: null, mid_range: null, three_pt: null });
  });
  test("primary zone: paint ≥ 40, perimeter ≥ 40, mid ≥ 35, else balanced; null when nothing was shot", () => {
    expect(primaryScoringZone({ paint: 50, mid_range: 25, three_pt: 25 })).toBe("paint");
    expect(primaryScoringZone({ paint: 20, mid_range: 20, three_pt: 60 })).toBe("perimeter");
    expect(primaryScoringZone({ paint: 30, mid_range: 36, three_pt: 34 })).toBe("mid_range");
    expect(primaryScoringZone({ paint: 34, mid_range: 33, three_pt: 33 })).toBe("balanced");
    expect(primaryScoringZone({ paint: 0, mid_range: 0, three_pt: 0 })).toBeNull();
  });
  test("sample quality and PSZA tier", () => {
    expect([10, 7, 5, 4].map((n) => sampleQuality(n, 10))).toEqual(["excellent", "good", "limited", "insufficient"]);
    expect(sampleQuality(14, 20)).toBe("good");
    expect([10, 7, 6].map(psaTier)).toEqual(["high", "medium", "low"]);
  });
  test("league zone averages fall back to 0.580 / 0.410 / 0.355 with fewer than 10 qualifying teams", () => {
    const game = { game_date: "2025-03-01", opp_paint_attempts: 10, opp_paint_makes: 9, opp_mid_range_attempts: 10, opp_mid_range_makes: 1, opp_three_pt_attempts: 10, opp_three_pt_makes: 5 };
    expect(leagueZoneAverages(new Map([["BOS", Array(12).fill(game)]]), "2025-03-15")).toEqual(DEFAULT_LEAGUE_ZONE_PCT);
  });
});

const noInputs: FeatureInputs = {
  seasonGames: [],
  date: "2025-03-15",
  gamesInLast7Days: null,
  daysRest: null,
  opponentDaysRest: null,
  isHome: false,
  isPlayoff: false,
  injury: { kind: "no_report" },
  teamWinPct: null,
  vegas: { line: null, opening: null },
  vsOpponent: { games: 0, avgPoints: null },
};

describe("the 33 features (DOMAIN §3.5)", () => {
  test("with nothing known every feature is its documented default", () => {
    const features = buildFeatures(noInputs);
    expect(FEATURE_NAMES).toHaveLength(33);
    expect(features.map((f) => f.value)).toEqual([10, 10, 10, 5, 3, 50, 0, 0, 0, 0, 0, 0, 0, 112, 100, 0, 0, 0, 0.3, 0.2, 0.35, 0.15, 100, 112, 0.5, 15, 15, 0, 0, 10, 0, 28, 0.4]);
    // home_away and playoff_game are known from the schedule (phase 3, 87); the other 31 are defaults (40).
    expect(features.filter((f) => f.source !== "default").map((f) => FEATURE_NAMES[features.indexOf(f)])).toEqual(["home_away", "playoff_game"]);
    const score = featureQualityScore(features);
    expect(score).toBe(42.85); // (31 × 40 + 2 × 87) / 33
    expect(qualityTier(score)).toBe("low");
  });

  test("from five games (newest first 30, 25, 20, 10, 15 points), values by hand", () => {
    const days = ["2025-03-14", "2025-03-12", "2025-03-10", "2025-03-08", "2025-03-06"];
    const points = [30, 25, 20, 10, 15];
    const minutes = [35, 34, 33, 30, 28];
    const ftm = [6, 5, 4, 2, 3];
    const seasonGames = days.map((game_date, i) => ({ game_date, points: points[i]!, minutes_played: minutes[i]!, ft_makes: ftm[i]! }));
    const f = buildFeatures({ ...noInputs, seasonGames, daysRest: 1, opponentDaysRest: 3, isHome: true, teamWinPct: 0.6, gamesInLast7Days: 3, vsOpponent: { games: 2, avgPoints: 24.5 } });
    const value = (name: (typeof FEATURE_NAMES)[number]) => f[FEATURE_NAMES.indexOf(name)]!.value;
    expect(value("points_avg_last_5")).toBe(20);
    expect(value("points_avg_season")).toBe(20);
    expect(value("points_std_last_10")).toBe(7.91); // sqrt(250 / 4)
    expect(value("rest_advantage")).toBe(-2); // 1 − 3
    expect(value("recent_trend")).toBe(2); // mean(30, 25, 20) − mean(10, 15) = 12.5
    expect(value("minutes_change")).toBe(0); // last 10 = season = 32
    expect(value("back_to_back")).toBe(1);
    expect(value("home_away")).toBe(1);
    expect(value("pct_free_throw")).toBe(0.2); // 20 FTM / 100 points
    expect(value("team_win_pct")).toBe(0.6);
    expect(value("vegas_points_line")).toBe(20); // no line: the season average
    expect(value("has_vegas_line")).toBe(0);
    expect(value("avg_points_vs_opponent")).toBe(24.5);
    expect(value("games_vs_opponent")).toBe(2);
    expect(value("minutes_avg_last_10")).toBe(32);
    expect(value("ppm_avg_last_10")).toBe(0.6135); // mean of points / minutes per game
  });

  test("a phase-4 row wins over the game lines, and zone rates become fractions (not ×100)", () => {
    const f = buildFeatures({
      ...noInputs,
      dailyCache: { points_avg_last_5: 22, points_avg_last_10: 21, points_avg_season: 19.5, points_std_last_10: 4, games_in_last_7_days: 2, minutes_avg_last_10: 30, team_pace_last_10: 99.5, team_off_rating_last_10: 115.2 },
      composite: { fatigue_score: 90, shot_zone_mismatch_score: 1.5, pace_score: -0.5, usage_spike_score: 0 },
      opponentDefense: { defensive_rating_last_15: 108.4, opponent_pace: 97.1 },
      shotZone: { paint_rate_last_10: 45, mid_range_rate_last_10: 15, three_pt_rate_last_10: 40 },
    });
    expect(f.slice(0, 9).map((x) => x.value)).toEqual([22, 21, 19.5, 4, 2, 90, 1.5, -0.5, 0]);
    expect(f.slice(13, 15).map((x) => x.value)).toEqual([108.4, 97.1]);
    expect(f.slice(18, 21).map((x) => x.value)).toEqual([0.45, 0.15, 0.4]);
    expect(f.slice(22, 24).map((x) => x.value)).toEqual([99.5, 115.2]);
    expect(f[0]!.source).toBe("phase4");
  });

  test("recent trend is recent minus older (the original had the sign inverted)", () => {
    expect(recentTrend([10, 10, 10, 20, 20])).toBe(-2);
    expect(recentTrend([14, 14, 14, 11, 11])).toBe(1);
    expect(recentTrend([10, 10, 10, 10])).toBeNull();
  });

  test("minutes change bands", () => {
    expect(minutesChange(36, 30)).toBe(2);
    expect(minutesChange(33, 30)).toBe(1);
    expect(minutesChange(27, 30)).toBe(-1);
    expect(minutesChange(24, 30)).toBe(-2);
    expect(minutesChange(30, null)).toBeNull();
  });

  test("quality tiers at 95 and 70", () => {
    expect([95, 94.99, 70, 69.99].map(qualityTier)).toEqual(["high", "medium", "medium", "low"]);
  });
});
