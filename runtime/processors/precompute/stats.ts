import { round } from "../analytics/formulas";

/** Small numeric helpers for window aggregates; every one answers null rather than a made-up 0. */

export function mean(values: readonly (number | null)[], digits: number): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : round(present.reduce((s, v) => s + v, 0) / present.length, digits);
}

/** Sample standard deviation (n − 1); null under two values. */
export function sampleStd(values: readonly number[], digits: number): number | null {
  if (values.length < 2) return null;
  const m = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - m) ** 2, 0) / (values.length - 1);
  return round(Math.sqrt(variance), digits);
}

/** Σ of a column, or null when any row lacks it (a partial sum would pass for a real one). */
export function sumOrNull<R>(rows: readonly R[], pick: (row: R) => number | null): number | null {
  let total = 0;
  for (const row of rows) {
    const v = pick(row);
    if (v === null) return null;
    total += v;
  }
  return rows.length === 0 ? null : total;
}

export function ratio(numerator: number | null, denominator: number | null, digits: number, scale = 1): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null;
  return round((numerator / denominator) * scale, digits);
}

export function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
