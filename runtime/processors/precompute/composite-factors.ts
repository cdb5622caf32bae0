import { round } from "../analytics/formulas";
import { clamp } from "./stats";

/** DOMAIN §4.4 composite factors, pure. */

export interface FatigueInputs {
  readonly days_rest: number | null;
  readonly games_in_last_7_days: number | null;
  readonly minutes_in_last_7_days: number | null;
  readonly avg_minutes_per_game_last_7: number | null;
  readonly back_to_backs_last_14_days: number | null;
  readonly player_age: number | null;
}

/** The documented value of each input when it is missing. */
export const FATIGUE_DEFAULTS = { days_rest: 1, games_in_last_7_days: 3, minutes_in_last_7_days: 200, avg_minutes_per_game_last_7: 30, back_to_backs_last_14_days: 0, player_age: 25 } as const;

export function fatigueScore(inputs: FatigueInputs): number {
  const rest = inputs.days_rest ?? FATIGUE_DEFAULTS.days_rest;
  const games = inputs.games_in_last_7_days ?? FATIGUE_DEFAULTS.games_in_last_7_days;
  const minutes = inputs.minutes_in_last_7_days ?? FATIGUE_DEFAULTS.minutes_in_last_7_days;
  const mpg = inputs.avg_minutes_per_game_last_7 ?? FATIGUE_DEFAULTS.avg_minutes_per_game_last_7;
  const b2b = inputs.back_to_backs_last_14_days ?? FATIGUE_DEFAULTS.back_to_backs_last_14_days;
  const age = inputs.player_age ?? FATIGUE_DEFAULTS.player_age;
  let score = 100;
  if (rest === 1) score -= 15;
  else if (rest >= 3) score += 5;
  if (games >= 4) score -= 10;
  if (minutes > 240) score -= 10;
  if (mpg > 35) score -= 8;
  if (b2b >= 2) score -= 12;
  else if (b2b === 1) score -= 5;
  if (age >= 35) score -= 10;
  else if (age >= 30) score -= 5;
  return clamp(score, 0, 100);
}

export interface ShotProfile {
  readonly primary_scoring_zone: string | null;
  readonly paint_rate_last_10: number | null;
  readonly mid_range_rate_last_10: number | null;
  readonly three_pt_rate_last_10: number | null;
}

export interface ZoneDefense {
  readonly paint_defense_vs_league_avg: number | null;
  readonly mid_range_defense_vs_league_avg: number | null;
  readonly three_pt_defense_vs_league_avg: number | null;
}

export interface MismatchDetail {
  readonly score: number;
  readonly zone: "paint" | "mid_range" | "three_pt" | null;
  readonly usage: number | null;
  readonly base: number | null;
}

/** 0 without the player's or the opponent's row; balanced or unknown zones count as paint. */
export function shotZoneMismatch(shots: ShotProfile | undefined, defense: ZoneDefense | undefined): MismatchDetail {
  if (!shots || !defense) return { score: 0, zone: null, usage: null, base: null };
  const zone = shots.primary_scoring_zone === "mid_range" ? "mid_range" : shots.primary_scoring_zone === "perimeter" ? "three_pt" : "paint";
  const usage = (zone === "paint" ? shots.paint_rate_last_10 : zone === "mid_range" ? shots.mid_range_rate_last_10 : shots.three_pt_rate_last_10) ?? 50;
  const base = zone === "paint" ? defense.paint_defense_vs_league_avg : zone === "mid_range" ? defense.mid_range_defense_vs_league_avg : defense.three_pt_defense_vs_league_avg;
  if (base === null) return { score: 0, zone, usage, base: null };
  let w = base * Math.min(usage / 50, 1);
  if (Math.abs(w) > 5) w *= 1.2;
  return { score: round(clamp(w, -10, 10), 2), zone, usage, base };
}

export function paceScore(paceDifferential: number | null): number {
  return paceDifferential === null ? 0 : round(clamp(paceDifferential / 2, -3, 3), 2);
}

/** 0 when either usage is missing (the original turned a null into 25 and invented spikes). */
export function usageSpikeScore(projectedUsage: number | null, avgUsageLast7: number | null, starTeammatesOut: number): number {
  if (projectedUsage === null || avgUsageLast7 === null) return 0;
  let spike = (projectedUsage - avgUsageLast7) * 0.3;
  if (spike > 0 && starTeammatesOut >= 2) spike *= 1.3;
  else if (spike > 0 && starTeammatesOut === 1) spike *= 1.15;
  return round(clamp(spike, -3, 3), 2);
}

export function totalAdjustment(fatigue: number, mismatch: number, pace: number, usageSpike: number): number {
  return round((fatigue - 100) / 20 + mismatch + pace + usageSpike, 2);
}

export function compositeWarnings(fatigue: number, mismatch: number, total: number): string[] {
  const warnings: string[] = [];
  if (fatigue < 50) warnings.push("EXTREME_FATIGUE");
  if (Math.abs(mismatch) > 8) warnings.push("EXTREME_MATCHUP");
  if (Math.abs(total) > 12) warnings.push("EXTREME_ADJUSTMENT");
  return warnings;
}
