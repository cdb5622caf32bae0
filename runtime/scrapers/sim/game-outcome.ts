/** Final scores. The overtime count is a function of (seed, gameId) alone so every generator agrees on it. */
import { stream } from "./prng";

/** Overtime periods of a game: about 5.3% one, 0.6% two, 0.1% three. */
export function overtimePeriods(seed: number, gameId: string): number {
  const r = stream(seed, "overtime", gameId).next();
  if (r < 0.001) return 3;
  if (r < 0.007) return 2;
  if (r < 0.06) return 1;
  return 0;
}

export interface TeamRating {
  readonly offense: number;
  readonly defense: number;
}

/** Season-long strength: points added to the team's own score and allowed to opponents. */
export function teamRating(seed: number, seasonYear: number, tricode: string): TeamRating {
  const rng = stream(seed, "team-rating", seasonYear, tricode);
  return { offense: rng.normal(0, 3.5), defense: rng.normal(0, 3) };
}

export interface FinalScore {
  readonly home: number;
  readonly away: number;
  readonly overtimePeriods: number;
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

export function simulateFinalScore(seed: number, seasonYear: number, gameId: string, home: string, away: string): FinalScore {
  const rng = stream(seed, "score", gameId);
  const h = teamRating(seed, seasonYear, home);
  const a = teamRating(seed, seasonYear, away);
  const pace = rng.normal(0, 5);
  let homeScore = Math.round(clamp(113 + 1 + h.offense + a.defense + pace + rng.normal(0, 9), 82, 150));
  let awayScore = Math.round(clamp(113 - 1 + a.offense + h.defense + pace + rng.normal(0, 9), 82, 150));
  const ot = overtimePeriods(seed, gameId);
  if (ot === 0) {
    if (homeScore === awayScore) {
      // A regulation tie that the overtime draw says did not happen: the last possession decides it.
      if (rng.chance(0.55)) homeScore += rng.int(1, 3);
      else awayScore += rng.int(1, 3);
    }
    return { home: homeScore, away: awayScore, overtimePeriods: 0 };
  }
  const regulation = Math.round(clamp((homeScore + awayScore) / 2, 85, 140));
  homeScore = regulation;
  awayScore = regulation;
  for (let period = 1; period <= ot; period++) {
    const base = rng.int(6, 14);
    if (period < ot) {
      homeScore += base;
      awayScore += base;
    } else {
      const margin = rng.int(1, 8);
      if (rng.chance(0.5)) {
        homeScore += base + margin;
        awayScore += base;
      } else {
        homeScore += base;
        awayScore += base + margin;
      }
    }
  }
  return { home: homeScore, away: awayScore, overtimePeriods: ot };
}
