import { daysBetween } from "../../domain/et-date";
import { round } from "../analytics/formulas";
import { INJURY_RISK, type InjuryStanding } from "./injury-risk";
import { clamp, mean, sampleStd } from "./stats";

/** DOMAIN §3.5: the 33 features, in order. */
export const FEATURE_NAMES = [
  "points_avg_last_5",
  "points_avg_last_10",
  "points_avg_season",
  "points_std_last_10",
  "games_in_last_7_days",
  "fatigue_score",
  "shot_zone_mismatch_score",
  "pace_score",
  "usage_spike_score",
  "rest_advantage",
  "injury_risk",
  "recent_trend",
  "minutes_change",
  "opponent_def_rating",
  "opponent_pace",
  "home_away",
  "back_to_back",
  "playoff_game",
  "pct_paint",
  "pct_mid_range",
  "pct_three",
  "pct_free_throw",
  "team_pace",
  "team_off_rating",
  "team_win_pct",
  "vegas_points_line",
  "vegas_opening_line",
  "vegas_line_move",
  "has_vegas_line",
  "avg_points_vs_opponent",
  "games_vs_opponent",
  "minutes_avg_last_10",
  "ppm_avg_last_10",
] as const;

export const FEATURE_VERSION = "v2_33features";

/**
 * Where a value came from: a phase-4 row, phase 3 (game lines, schedule, injury report, prop
 * lines), or the documented default. A default is `not_available` when the input cannot hold
 * anything for this player yet (fewer games than its window, a first meeting, no line posted
 * while the day's lines were read), and `default` otherwise: a gap, what the feature-population
 * check looks for.
 */
export type FeatureSource = "phase4" | "phase3" | "not_available" | "default";
export const SOURCE_WEIGHT: Readonly<Record<FeatureSource, number>> = { phase4: 100, phase3: 87, not_available: 40, default: 40 };

/** The inputs a feature can come from. */
export type FeatureInput = "games" | "daily_cache" | "composite" | "shot_zone" | "team_defense_zone" | "injury_report" | "prop_lines";

export interface Feature {
  readonly value: number;
  readonly source: FeatureSource;
}

export interface RecentGame {
  readonly game_date: string;
  readonly points: number;
  readonly minutes_played: number | null;
  readonly ft_makes: number | null;
}

export interface FeatureInputs {
  readonly dailyCache?: {
    readonly points_avg_last_5: number | null;
    readonly points_avg_last_10: number | null;
    readonly points_avg_season: number | null;
    readonly points_std_last_10: number | null;
    readonly games_in_last_7_days: number | null;
    readonly minutes_avg_last_10: number | null;
    readonly team_pace_last_10: number | null;
    readonly team_off_rating_last_10: number | null;
  };
  readonly composite?: {
    readonly fatigue_score: number;
    readonly shot_zone_mismatch_score: number;
    readonly pace_score: number;
    readonly usage_spike_score: number;
  };
  readonly opponentDefense?: { readonly defensive_rating_last_15: number | null; readonly opponent_pace: number | null };
  readonly shotZone?: { readonly paint_rate_last_10: number | null; readonly mid_range_rate_last_10: number | null; readonly three_pt_rate_last_10: number | null };
  /** The player's games this season before the date with minutes > 0, newest first. */
  readonly seasonGames: readonly RecentGame[];
  readonly date: string;
  readonly gamesInLast7Days: number | null;
  readonly daysRest: number | null;
  readonly opponentDaysRest: number | null;
  readonly isHome: boolean;
  readonly isPlayoff: boolean;
  /** What the injury report published before tip said about the player's game. */
  readonly injury: InjuryStanding;
  readonly teamWinPct: number | null;
  readonly vegas: { readonly line: number | null; readonly opening: number | null };
  readonly vsOpponent: { readonly games: number; readonly avgPoints: number | null };
  /**
   * Inputs that hold nothing for this player yet for a documented reason: too few games for the
   * window (PDC 5, PSZA 10, the opponent's TDZA 15), or the date's report / lines were read and
   * do not list him. A miss there is `not_available`; anywhere else it is a `default` gap.
   */
  readonly notYetAvailable?: ReadonlySet<FeatureInput>;
}

const phase4 = (value: number): Feature => ({ value: round(value, 4), source: "phase4" });
const phase3 = (value: number): Feature => ({ value: round(value, 4), source: "phase3" });


/** #11: newest-first g1..g5, d = mean(g1..g3) − mean(g4, g5); the original subtracted the other way. */
export function recentTrend(points: readonly number[]): number | null {
  if (points.length < 5) return null;
  const d = (points[0]! + points[1]! + points[2]!) / 3 - (points[3]! + points[4]!) / 2;
  if (d >= 5) return 2;
  if (d >= 2) return 1;
  if (d <= -5) return -2;
  if (d <= -2) return -1;
  return 0;
}

/** #12: r = (L10 − season) / season minutes. */
export function minutesChange(last10: number | null, season: number | null): number | null {
  if (last10 === null || season === null || season <= 0) return null;
  const r = (last10 - season) / season;
  if (r >= 0.2) return 2;
  if (r >= 0.1) return 1;
  if (r <= -0.2) return -2;
  if (r <= -0.1) return -1;
  return 0;
}

export function buildFeatures(x: FeatureInputs): Feature[] {
  const notYet = x.notYetAvailable ?? new Set<FeatureInput>();
  /** The documented default of a feature whose value `input` would have given. */
  const dflt = (input: FeatureInput, value: number): Feature => ({ value: round(value, 4), source: notYet.has(input) ? "not_available" : "default" });
  /** The phase-4 value, else one computed from the game lines, else the default. */
  const pick = (p4: number | null | undefined, p3: number | null, input: FeatureInput, value: number): Feature => {
    if (p4 !== null && p4 !== undefined) return phase4(p4);
    if (p3 !== null) return phase3(p3);
    return dflt(input, value);
  };
  /** A row of the input is there but lacks the value: a gap, never "not available yet". */
  const gap = (value: number): Feature => ({ value: round(value, 4), source: "default" });
  const fromRow = (row: object | undefined, value: number | null | undefined, input: FeatureInput, dfltValue: number): Feature =>
    row === undefined ? dflt(input, dfltValue) : value === null || value === undefined ? gap(dfltValue) : phase4(value);
  const injury = x.injury.kind === "listed" ? INJURY_RISK[x.injury.status] : x.injury.kind === "not_listed" ? INJURY_RISK.available : undefined;
  const games = x.seasonGames;
  const pts = games.map((g) => g.points);
  const last10 = games.slice(0, 10);
  const pdc = x.dailyCache;
  const pcf = x.composite;
  const tdza = x.opponentDefense;
  const psza = x.shotZone;
  const seasonAvg = pick(pdc?.points_avg_season, mean(pts, 2), "games", 10);
  const minutesL10 = pdc?.minutes_avg_last_10 ?? mean(last10.map((g) => g.minutes_played), 2);
  const minutesSeason = mean(games.map((g) => g.minutes_played), 2);
  const trend = recentTrend(pts);
  const change = minutesChange(minutesL10, minutesSeason);
  const ftm = last10.every((g) => g.ft_makes !== null) ? last10.reduce((s, g) => s + (g.ft_makes ?? 0), 0) : null;
  const points10 = last10.reduce((s, g) => s + g.points, 0);
  const zones = psza && psza.paint_rate_last_10 !== null && psza.mid_range_rate_last_10 !== null && psza.three_pt_rate_last_10 !== null ? psza : undefined;
  const recent30 = games.filter((g) => daysBetween(g.game_date, x.date) <= 30 && (g.minutes_played ?? 0) > 0).slice(0, 10);
  const hasLine = x.vegas.line !== null;
  const lineDefault = seasonAvg.source === "phase4" || seasonAvg.source === "phase3" ? seasonAvg.value : 15;
  return [
    pick(pdc?.points_avg_last_5, mean(pts.slice(0, 5), 2), "games", 10),
    pick(pdc?.points_avg_last_10, mean(pts.slice(0, 10), 2), "games", 10),
    seasonAvg,
    pick(pdc?.points_std_last_10, sampleStd(pts.slice(0, 10), 2), "games", 5),
    pick(pdc?.games_in_last_7_days, x.gamesInLast7Days, "games", 3),
    pcf ? phase4(pcf.fatigue_score) : dflt("composite", 50),
    pcf ? phase4(pcf.shot_zone_mismatch_score) : dflt("composite", 0),
    pcf ? phase4(pcf.pace_score) : dflt("composite", 0),
    pcf ? phase4(pcf.usage_spike_score) : dflt("composite", 0),
    x.daysRest !== null && x.opponentDaysRest !== null ? phase3(clamp(x.daysRest - x.opponentDaysRest, -2, 2)) : dflt("games", 0),
    injury !== undefined ? phase3(injury) : dflt("injury_report", 0),
    trend !== null ? phase3(trend) : dflt("games", 0),
    change !== null ? (pdc ? phase4(change) : phase3(change)) : dflt("games", 0),
    fromRow(tdza, tdza?.defensive_rating_last_15, "team_defense_zone", 112),
    fromRow(tdza, tdza?.opponent_pace, "team_defense_zone", 100),
    phase3(x.isHome ? 1 : 0),
    x.daysRest !== null ? phase3(x.daysRest === 1 ? 1 : 0) : dflt("games", 0),
    phase3(x.isPlayoff ? 1 : 0),
    zones ? phase4(zones.paint_rate_last_10! / 100) : fromRow(psza, null, "shot_zone", 0.3),
    zones ? phase4(zones.mid_range_rate_last_10! / 100) : fromRow(psza, null, "shot_zone", 0.2),
    zones ? phase4(zones.three_pt_rate_last_10! / 100) : fromRow(psza, null, "shot_zone", 0.35),
    ftm !== null && points10 > 0 ? phase3(clamp(ftm / points10, 0, 0.5)) : dflt("games", 0.15),
    fromRow(pdc, pdc?.team_pace_last_10, "daily_cache", 100),
    fromRow(pdc, pdc?.team_off_rating_last_10, "daily_cache", 112),
    x.teamWinPct !== null ? phase3(x.teamWinPct) : dflt("games", 0.5),
    hasLine ? phase3(x.vegas.line) : dflt("prop_lines", lineDefault),
    x.vegas.opening !== null ? phase3(x.vegas.opening) : dflt("prop_lines", hasLine ? x.vegas.line : lineDefault),
    hasLine && x.vegas.opening !== null ? phase3(x.vegas.line - x.vegas.opening) : dflt("prop_lines", 0),
    // Whether a line was posted is known once the day's lines were read: no line is a real 0.
    hasLine ? phase3(1) : notYet.has("prop_lines") ? phase3(0) : dflt("prop_lines", 0),
    x.vsOpponent.avgPoints !== null ? phase3(x.vsOpponent.avgPoints) : dflt("games", seasonAvg.value),
    x.vsOpponent.games > 0 ? phase3(x.vsOpponent.games) : dflt("games", 0),
    recent30.length > 0 ? phase3(mean(recent30.map((g) => g.minutes_played), 4)!) : dflt("games", 28),
    recent30.length > 0 ? phase3(recent30.reduce((s, g) => s + g.points / (g.minutes_played ?? 1), 0) / recent30.length) : dflt("games", 0.4),
  ];
}

/** Mean source weight of the features, 2 dp. */
export function featureQualityScore(features: readonly Feature[]): number {
  return round(features.reduce((s, f) => s + SOURCE_WEIGHT[f.source], 0) / features.length, 2);
}

export function qualityTier(score: number): string {
  return score >= 95 ? "high" : score >= 70 ? "medium" : "low";
}
