import { round } from "../analytics/formulas";
import { ratio, sumOrNull } from "./stats";

export interface ZoneCounts {
  readonly paint_attempts: number | null;
  readonly paint_makes: number | null;
  readonly mid_range_attempts: number | null;
  readonly mid_range_makes: number | null;
  readonly three_attempts_pbp: number | null;
  readonly three_makes_pbp: number | null;
}

export interface ZoneRates {
  readonly paint: number | null;
  readonly mid_range: number | null;
  readonly three_pt: number | null;
}

/** Share of zoned shots per zone, percent 0-100 (sums to 100 up to rounding); null without zone counts. */
export function zoneRates(games: readonly ZoneCounts[]): ZoneRates {
  const paint = sumOrNull(games, (g) => g.paint_attempts);
  const mid = sumOrNull(games, (g) => g.mid_range_attempts);
  const three = sumOrNull(games, (g) => g.three_attempts_pbp);
  if (paint === null || mid === null || three === null) return { paint: null, mid_range: null, three_pt: null };
  const total = paint + mid + three;
  return { paint: ratio(paint, total, 2, 100), mid_range: ratio(mid, total, 2, 100), three_pt: ratio(three, total, 2, 100) };
}

/** DOMAIN §4.6: paint ≥ 40, else perimeter (three ≥ 40), else mid_range ≥ 35, else balanced; null when every rate is 0 or unknown. */
export function primaryScoringZone(rates: ZoneRates): string | null {
  const { paint, mid_range: mid, three_pt: three } = rates;
  if (paint === null || mid === null || three === null || paint + mid + three === 0) return null;
  if (paint >= 40) return "paint";
  if (three >= 40) return "perimeter";
  if (mid >= 35) return "mid_range";
  return "balanced";
}

/** excellent (≥ window), good (≥ 70%), limited (≥ 50%), else insufficient. */
export function sampleQuality(games: number, window: number): string {
  if (games >= window) return "excellent";
  if (games >= 0.7 * window) return "good";
  if (games >= 0.5 * window) return "limited";
  return "insufficient";
}

export function psaTier(games: number): string {
  return games >= 10 ? "high" : games >= 7 ? "medium" : "low";
}

export const perGame = (total: number | null, games: number): number | null => (total === null || games === 0 ? null : round(total / games, 2));
