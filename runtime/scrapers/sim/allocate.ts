/** Integer allocation helpers: exact totals split by weights. */
import type { Rng } from "./prng";

/**
 * Splits `total` into integers of at least 1 and at most `maxEach`, proportional to `weights`
 * (capped shares are fixed and the rest re-split), rounding by largest remainder so the sum is exact.
 */
export function allocateWithFloorOne(weights: readonly number[], total: number, maxEach: number): number[] {
  const n = weights.length;
  if (n === 0 || total < n || total > n * maxEach) throw new Error(`cannot split ${total} into ${n} parts of 1..${maxEach}`);
  const cap = maxEach - 1;
  const share = new Array<number>(n).fill(0);
  const fixed = new Array<boolean>(n).fill(false);
  let remaining = total - n;
  for (;;) {
    let weightSum = 0;
    for (let i = 0; i < n; i++) if (!fixed[i]) weightSum += weights[i] ?? 0;
    const over: number[] = [];
    for (let i = 0; i < n; i++) {
      if (fixed[i]) continue;
      share[i] = weightSum > 0 ? (remaining * (weights[i] ?? 0)) / weightSum : remaining / n;
      if ((share[i] ?? 0) > cap) over.push(i);
    }
    if (over.length === 0) break;
    for (const i of over) {
      fixed[i] = true;
      share[i] = cap;
      remaining -= cap;
    }
  }
  const ints = share.map((s) => Math.floor(s + 1e-9));
  let left = total - n - ints.reduce((a, b) => a + b, 0);
  const byFraction = share.map((s, i) => ({ i, f: s - (ints[i] ?? 0) })).sort((a, b) => b.f - a.f || a.i - b.i);
  for (const { i } of byFraction) {
    if (left <= 0) break;
    if ((ints[i] ?? 0) < cap) {
      ints[i] = (ints[i] ?? 0) + 1;
      left--;
    }
  }
  return ints.map((x) => x + 1);
}

/** Hands out `count` units one at a time with probability proportional to weight (a multinomial draw). */
export function scatter(rng: Rng, count: number, weights: readonly number[], capEach = Infinity): number[] {
  const n = weights.length;
  const out = new Array<number>(n).fill(0);
  const live = weights.map((w) => Math.max(0, w));
  let total = live.reduce((a, b) => a + b, 0);
  for (let k = 0; k < count && total > 0; k++) {
    let r = rng.next() * total;
    let i = 0;
    while (i < n - 1 && (r >= (live[i] ?? 0) || live[i] === 0)) r -= live[i++] ?? 0;
    // Float round-off can walk past the last positive weight; step back to it.
    while (i > 0 && live[i] === 0) i--;
    out[i] = (out[i] ?? 0) + 1;
    if ((out[i] ?? 0) >= capEach) {
      total -= live[i] ?? 0;
      live[i] = 0;
    }
  }
  return out;
}
