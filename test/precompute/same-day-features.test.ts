import { FEATURE_NAMES, buildFeatures, type FeatureInput, type FeatureInputs } from "../../runtime/processors/precompute/features";
import { InjuryReports, publishedBeforeTip, type InjuryReportEntry } from "../../runtime/processors/precompute/injury-risk";
import { vegasLine, type BettingProsOverRow } from "../../runtime/processors/precompute/vegas-lines";

/** 2025-03-15 19:00 EDT (daylight time began 9 March) = 23:00Z. */
const TIP = "2025-03-15T23:00:00.000Z";
const GAME = "20250315_NYK_PHI";

const over = (book_id: number, points_line: number, bookmaker_last_update: string, extra: Partial<BettingProsOverRow> = {}): BettingProsOverRow => ({
  game_date: "2025-03-15",
  player_lookup: "joelembiid",
  book_id,
  is_active: true,
  points_line,
  opening_line: null,
  bookmaker_last_update,
  ...extra,
});

describe("vegas lines (#25–26): BettingPros over side, each book's latest line before tip, mean over books", () => {
  test("two books, each with an earlier and a later line before tip; a change after tip and the consensus are left out", () => {
    const rows = [
      over(10, 19.5, "2025-03-15T12:00:00.000Z", { opening_line: 19.5 }),
      over(10, 20.5, "2025-03-15T21:00:00.000Z", { opening_line: 19.5 }),
      over(12, 21.5, "2025-03-15T22:00:00.000Z", { opening_line: 20.5 }),
      over(12, 25.5, "2025-03-15T23:30:00.000Z", { opening_line: 20.5 }), // after tip
      over(0, 30.5, "2025-03-15T22:00:00.000Z", { opening_line: 30.5 }), // consensus
      over(19, 40.5, "2025-03-15T22:00:00.000Z", { is_active: false }),
    ];
    // Books 10 and 12: (20.5 + 21.5) / 2 = 21; openings (19.5 + 20.5) / 2 = 20.
    expect(vegasLine(rows, TIP)).toEqual({ line: 21, opening: 20 });
  });

  test("only the consensus posted: its line; nothing before tip: no line", () => {
    expect(vegasLine([over(0, 18.5, "2025-03-15T20:00:00.000Z")], TIP)).toEqual({ line: 18.5, opening: null });
    expect(vegasLine([over(10, 18.5, "2025-03-16T01:00:00.000Z")], TIP)).toBeNull();
    expect(vegasLine([], TIP)).toBeNull();
  });
});

describe("injury report as of tip (#10)", () => {
  test("a report counts when its ET hour ended before the tip hour (19:00 ET)", () => {
    expect(publishedBeforeTip({ report_date: "2025-03-15", report_hour: 17, game_date: "2025-03-15" }, TIP)).toBe(true);
    expect(publishedBeforeTip({ report_date: "2025-03-15", report_hour: 19, game_date: "2025-03-15" }, TIP)).toBe(false);
    expect(publishedBeforeTip({ report_date: "2025-03-14", report_hour: 23, game_date: "2025-03-15" }, TIP)).toBe(true);
    expect(publishedBeforeTip({ report_date: "2025-03-16", report_hour: 1, game_date: "2025-03-15" }, null)).toBe(false);
  });

  const entry = (player_lookup: string, injury_status: string, report_hour: number, game_id = GAME): InjuryReportEntry => ({ report_date: "2025-03-15", report_hour, game_date: "2025-03-15", game_id, player_lookup, injury_status });

  test("the newest report before tip wins; a player the game's report leaves out was available; a game without a report is unknown", () => {
    const reports = new InjuryReports(
      [entry("joelembiid", "questionable", 13), entry("joelembiid", "out", 17), entry("joelembiid", "available", 20), entry("jalenbrunson", "probable", 17, "20250315_BOS_MIA")],
      (game) => (game === GAME ? TIP : null),
    );
    expect(reports.standing("2025-03-15", GAME, "joelembiid")).toEqual({ kind: "listed", status: "out" });
    expect(reports.standing("2025-03-15", GAME, "tyresemaxey")).toEqual({ kind: "not_listed" });
    expect(reports.standing("2025-03-15", "20250315_LAL_DEN", "lebronjames")).toEqual({ kind: "no_report" });
  });
});

const base: FeatureInputs = {
  seasonGames: [{ game_date: "2025-03-13", points: 20, minutes_played: 30, ft_makes: 4 }],
  date: "2025-03-15",
  gamesInLast7Days: 1,
  daysRest: 2,
  opponentDaysRest: 1,
  isHome: true,
  isPlayoff: false,
  injury: { kind: "no_report" },
  teamWinPct: 0.5,
  vegas: { line: null, opening: null },
  vsOpponent: { games: 0, avgPoints: null },
};
const feature = (features: ReturnType<typeof buildFeatures>, name: (typeof FEATURE_NAMES)[number]) => features[FEATURE_NAMES.indexOf(name)]!;
const notYet = (...inputs: FeatureInput[]): ReadonlySet<FeatureInput> => new Set(inputs);

describe("features from the same-day context, with where each value came from", () => {
  test("injury risk: questionable 2 and out 3 from the report, available 0 when the game's report leaves him out", () => {
    expect(feature(buildFeatures({ ...base, injury: { kind: "listed", status: "questionable" } }), "injury_risk")).toEqual({ value: 2, source: "phase3" });
    expect(feature(buildFeatures({ ...base, injury: { kind: "listed", status: "out" } }), "injury_risk")).toEqual({ value: 3, source: "phase3" });
    expect(feature(buildFeatures({ ...base, injury: { kind: "not_listed" } }), "injury_risk")).toEqual({ value: 0, source: "phase3" });
    // No report for his game: the default 0, a gap unless the date's report was read.
    expect(feature(buildFeatures(base), "injury_risk")).toEqual({ value: 0, source: "default" });
    expect(feature(buildFeatures({ ...base, notYetAvailable: notYet("injury_report") }), "injury_risk")).toEqual({ value: 0, source: "not_available" });
  });

  test("vegas: line 21.5 opening 20 → 21.5, 20, move 1.5, has line 1", () => {
    const f = buildFeatures({ ...base, vegas: { line: 21.5, opening: 20 }, notYetAvailable: notYet("prop_lines") });
    expect(["vegas_points_line", "vegas_opening_line", "vegas_line_move", "has_vegas_line"].map((n) => feature(f, n as (typeof FEATURE_NAMES)[number]))).toEqual([
      { value: 21.5, source: "phase3" },
      { value: 20, source: "phase3" },
      { value: 1.5, source: "phase3" },
      { value: 1, source: "phase3" },
    ]);
  });

  test("no line posted for him while the day's lines were read: the season average (20), has_vegas_line a real 0", () => {
    const f = buildFeatures({ ...base, notYetAvailable: notYet("prop_lines") });
    expect(feature(f, "vegas_points_line")).toEqual({ value: 20, source: "not_available" });
    expect(feature(f, "vegas_line_move")).toEqual({ value: 0, source: "not_available" });
    expect(feature(f, "has_vegas_line")).toEqual({ value: 0, source: "phase3" });
    // No lines read for the date at all: every line feature is a gap.
    expect(feature(buildFeatures(base), "has_vegas_line")).toEqual({ value: 0, source: "default" });
  });

  test("a phase-4 row without the value is a gap; no row while the window lacks games is not available yet", () => {
    const withRow = buildFeatures({ ...base, opponentDefense: { defensive_rating_last_15: null, opponent_pace: 98 }, notYetAvailable: notYet("team_defense_zone") });
    expect(feature(withRow, "opponent_def_rating")).toEqual({ value: 112, source: "default" });
    expect(feature(withRow, "opponent_pace")).toEqual({ value: 98, source: "phase4" });
    expect(feature(buildFeatures({ ...base, notYetAvailable: notYet("team_defense_zone") }), "opponent_def_rating")).toEqual({ value: 112, source: "not_available" });
    const zoneRow = buildFeatures({ ...base, shotZone: { paint_rate_last_10: null, mid_range_rate_last_10: null, three_pt_rate_last_10: null }, notYetAvailable: notYet("shot_zone") });
    expect(feature(zoneRow, "pct_paint")).toEqual({ value: 0.3, source: "default" });
  });
});
