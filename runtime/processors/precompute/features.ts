import { daysBetween } from "../../domain/et-date";
import { round } from "../analytics/formulas";
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

/** Where a value came from: a phase-4 row, phase-3 (game lines, schedule), or the documented default. */
export type FeatureSource = "phase4" | "phase3" | "default";
export const SOURCE_WEIGHT: Readonly<Record<FeatureSource, number>> = { phase4: 100, phase3: 87, default: 40 };

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
  readonly injuryStatus: string | null;
  readonly teamWinPct: number | null;
  readonly vegas: { readonly line: number | null; readonly opening: number | null };
  readonly vsOpponent: { readonly games: number; readonly avgPoints: number | null };
}

const phase4 = (value: number): Feature => ({ value: round(value, 4), source: "phase4" });
const phase3 = (value: number): Feature => ({ value: round(value, 4), source: "phase3" });
const fallback = (value: number): Feature => ({ value: round(value, 4), source: "default" });

/** The phase-4 value, else one computed from phase-3 rows, else the default. */
function pick(p4: number | null | undefined, p3: number | null, dflt: number): Feature {
  if (p4 !== null && p4 !== undefined) return phase4(p4);
  if (p3 !== null) return phase3(p3);
  return fallback(dflt);
}

const INJURY_RISK: Readonly<Record<string, number>> = { available: 0, probable: 1, questionable: 2, doubtful: 3, out: 3 };

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
  const games = x.seasonGames;
  const pts = games.map((g) => g.points);
  const last10 = games.slice(0, 10);
  const pdc = x.dailyCache;
  const pcf = x.composite;
  const tdza = x.opponentDefense;
  const psza = x.shotZone;
  const seasonAvg = pick(pdc?.points_avg_season, mean(pts, 2), 10);
  const minutesL10 = pdc?.minutes_avg_last_10 ?? mean(last10.map((g) => g.minutes_played), 2);
  const minutesSeason = mean(games.map((g) => g.minutes_played), 2);
  const trend = recentTrend(pts);
  const change = minutesChange(minutesL10, minutesSeason);
  const ftm = last10.every((g) => g.ft_makes !== null) ? last10.reduce((s, g) => s + (g.ft_makes ?? 0), 0) : null;
  const points10 = last10.reduce((s, g) => s + g.points, 0);
  const zones = psza && psza.paint_rate_last_10 !== null && psza.mid_range_rate_last_10 !== null && psza.three_pt_rate_last_10 !== null ? psza : undefined;
  const recent30 = games.filter((g) => daysBetween(g.game_date, x.date) <= 30 && (g.minutes_played ?? 0) > 0).slice(0, 10);
  const hasLine = x.vegas.line !== null;
  const lineDefault = seasonAvg.source === "default" ? 15 : seasonAvg.value;
  return [
    pick(pdc?.points_avg_last_5, mean(pts.slice(0, 5), 2), 10),
    pick(pdc?.points_avg_last_10, mean(pts.slice(0, 10), 2), 10),
    seasonAvg,
    pick(pdc?.points_std_last_10, sampleStd(pts.slice(0, 10), 2), 5),
    pick(pdc?.games_in_last_7_days, x.gamesInLast7Days, 3),
    pcf ? phase4(pcf.fatigue_score) : fallback(50),
    pcf ? phase4(pcf.shot_zone_mismatch_score) : fallback(0),
    pcf ? phase4(pcf.pace_score) : fallback(0),
    pcf ? phase4(pcf.usage_spike_score) : fallback(0),
    x.daysRest !== null && x.opponentDaysRest !== null ? phase3(clamp(x.daysRest - x.opponentDaysRest, -2, 2)) : fallback(0),
    x.injuryStatus !== null && x.injuryStatus.toLowerCase() in INJURY_RISK ? phase3(INJURY_RISK[x.injuryStatus.toLowerCase()]!) : fallback(0),
    trend !== null ? phase3(trend) : fallback(0),
    change !== null ? (pdc ? phase4(change) : phase3(change)) : fallback(0),
    pick(tdza?.defensive_rating_last_15, null, 112),
    pick(tdza?.opponent_pace, null, 100),
    phase3(x.isHome ? 1 : 0),
    x.daysRest !== null ? phase3(x.daysRest === 1 ? 1 : 0) : fallback(0),
    phase3(x.isPlayoff ? 1 : 0),
    zones ? phase4(zones.paint_rate_last_10! / 100) : fallback(0.3),
    zones ? phase4(zones.mid_range_rate_last_10! / 100) : fallback(0.2),
    zones ? phase4(zones.three_pt_rate_last_10! / 100) : fallback(0.35),
    ftm !== null && points10 > 0 ? phase3(clamp(ftm / points10, 0, 0.5)) : fallback(0.15),
    pick(pdc?.team_pace_last_10, null, 100),
    pick(pdc?.team_off_rating_last_10, null, 112),
    x.teamWinPct !== null ? phase3(x.teamWinPct) : fallback(0.5),
    hasLine ? phase3(x.vegas.line) : fallback(lineDefault),
    x.vegas.opening !== null ? phase3(x.vegas.opening) : fallback(hasLine ? x.vegas.line : lineDefault),
    hasLine && x.vegas.opening !== null ? phase3(x.vegas.line - x.vegas.opening) : fallback(0),
    hasLine ? phase3(1) : fallback(0),
    x.vsOpponent.avgPoints !== null ? phase3(x.vsOpponent.avgPoints) : fallback(seasonAvg.value),
    x.vsOpponent.games > 0 ? phase3(x.vsOpponent.games) : fallback(0),
    recent30.length > 0 ? phase3(mean(recent30.map((g) => g.minutes_played), 4)!) : fallback(28),
    recent30.length > 0 ? phase3(recent30.reduce((s, g) => s + g.points / (g.minutes_played ?? 1), 0) / recent30.length) : fallback(0.4),
  ];
}

/** Mean source weight of the features, 2 dp. */
export function featureQualityScore(features: readonly Feature[]): number {
  return round(features.reduce((s, f) => s + SOURCE_WEIGHT[f.source], 0) / features.length, 2);
}

export function qualityTier(score: number): string {
  return score >= 95 ? "high" : score >= 70 ? "medium" : "low";
}
