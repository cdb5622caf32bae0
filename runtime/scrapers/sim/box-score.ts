/**
 * One team's player lines for one game, constrained to the final score: points add up to the
 * team's score exactly, minutes to 240 plus 25 per overtime period, plus-minus to 5 x margin.
 */
import { stream, type Rng } from "./prng";
import { teamRoster, type RosterPlayer } from "./rosters";
import { allocateWithFloorOne, scatter } from "./allocate";

export interface PlayerLine {
  readonly player: RosterPlayer;
  readonly min: number;
  readonly fgm: number;
  readonly fga: number;
  readonly fg3m: number;
  readonly fg3a: number;
  readonly ftm: number;
  readonly fta: number;
  readonly oreb: number;
  readonly dreb: number;
  readonly reb: number;
  readonly ast: number;
  readonly stl: number;
  readonly blk: number;
  readonly tov: number;
  readonly pf: number;
  readonly pts: number;
  readonly plusMinus: number;
}

export interface TeamBoxInput {
  readonly seed: number;
  readonly seasonYear: number;
  readonly gameId: string;
  readonly tricode: string;
  readonly points: number;
  readonly opponentPoints: number;
  readonly overtimePeriods: number;
}

// How many players get into a game: 8..13, mostly 9-11.
const ROTATION_SIZES = [8, 9, 10, 11, 12, 13] as const;
const ROTATION_WEIGHTS = [10, 25, 30, 20, 10, 5] as const;

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

function rotation(input: TeamBoxInput, roster: readonly RosterPlayer[]): RosterPlayer[] {
  const rng = stream(input.seed, "rotation", input.gameId, input.tricode);
  const size = Math.min(roster.length, ROTATION_SIZES[rng.weightedIndex(ROTATION_WEIGHTS)] ?? 10);
  const available = roster.filter((p) => rng.chance(p.profile.availability));
  const out = available.slice(0, size);
  for (const p of roster) if (out.length < size && !out.includes(p)) out.push(p);
  return out.sort((a, b) => a.depth - b.depth);
}

/** Team made threes and free throws such that 2-point makes fill the rest of the score exactly. */
function scoringSplit(points: number, fg3Guess: number, ftGuess: number): { fg2m: number; fg3m: number; ftm: number } {
  let ftm = clamp(ftGuess, 0, points);
  const fg3m = clamp(fg3Guess, 0, Math.floor((points - ftm) / 3));
  if ((points - 3 * fg3m - ftm) % 2 !== 0) ftm += 1;
  return { fg2m: (points - 3 * fg3m - ftm) / 2, fg3m, ftm };
}

interface TeamScoring {
  readonly players: readonly RosterPlayer[];
  readonly minutes: readonly number[];
  readonly usage: readonly number[];
  readonly fg2m: number;
  readonly fg3m: number;
  readonly ftm: number;
  readonly fg2Made: readonly number[];
  readonly fg3Made: readonly number[];
  readonly ftMade: readonly number[];
}

/** Who played, for how long, and who made which shots: everything the points depend on, on its own stream. */
function teamScoring(input: TeamBoxInput): TeamScoring {
  const players = rotation(input, teamRoster(input.seed, input.seasonYear, input.tricode));
  const rng = stream(input.seed, "box-scoring", input.gameId, input.tricode);
  const minutes = allocateWithFloorOne(
    players.map((p) => p.profile.minutesWeight * Math.exp(rng.normal(0, 0.1))),
    240 + 25 * input.overtimePeriods,
    44 + 5 * input.overtimePeriods,
  );
  const usage = players.map((p, i) => p.profile.usage * (minutes[i] ?? 0) * Math.exp(rng.normal(0, 0.2)));
  const { fg2m, fg3m, ftm } = scoringSplit(
    input.points,
    Math.round(clamp(rng.normal(input.points * 0.113, 2.8), 5, 22)),
    Math.round(clamp(rng.normal(input.points * 0.15, 4.5), 5, 34)),
  );
  const P = players.map((p) => p.profile);
  const u = (i: number): number => usage[i] ?? 0;
  return {
    players,
    minutes,
    usage,
    fg2m,
    fg3m,
    ftm,
    fg2Made: scatter(rng, fg2m, P.map((p, i) => u(i) * (1 - p.threeRate) * p.twoPct)),
    fg3Made: scatter(rng, fg3m, P.map((p, i) => u(i) * p.threeRate * p.threePct)),
    ftMade: scatter(rng, ftm, P.map((p, i) => u(i) * p.freeThrowRate * p.freeThrowPct)),
  };
}

/** Points per player only; the same numbers simulateTeamBox reports, at a fraction of the cost. */
export function simulateTeamPoints(input: TeamBoxInput): { player: RosterPlayer; pts: number }[] {
  const s = teamScoring(input);
  return s.players.map((player, i) => ({ player, pts: 2 * ((s.fg2Made[i] ?? 0) + (s.fg3Made[i] ?? 0)) + (s.fg3Made[i] ?? 0) + (s.ftMade[i] ?? 0) }));
}

export function simulateTeamBox(input: TeamBoxInput): PlayerLine[] {
  const { players, minutes, usage, fg2m, fg3m, ftm, fg2Made, fg3Made, ftMade } = teamScoring(input);
  const rng = stream(input.seed, "box-rest", input.gameId, input.tricode);
  const scale = (240 + 25 * input.overtimePeriods) / 240;
  const count = (mean: number, sd: number): number => Math.round(clamp(rng.normal(mean, sd), mean - 2.5 * sd, mean + 2.5 * sd) * scale);
  const m = (i: number): number => minutes[i] ?? 0;
  const u = (i: number): number => usage[i] ?? 0;
  const P = players.map((p) => p.profile);

  const fg3Pct = clamp(rng.normal(0.36, 0.04), 0.26, 0.5);
  const fg2Pct = clamp(rng.normal(0.53, 0.04), 0.42, 0.66);
  const ftPct = clamp(rng.normal(0.78, 0.06), 0.6, 0.95);
  // Misses from the shooting percentage, with attempts kept inside what a team really takes.
  const miss = (makes: number, pct: number, maxAttempts: number): number => Math.max(0, Math.min(Math.round(makes / pct), Math.round(maxAttempts * scale)) - makes);
  const fg2Miss = scatter(rng, miss(fg2m, fg2Pct, 75), P.map((p, i) => u(i) * (1 - p.threeRate) * (1 - p.twoPct)));
  const fg3Miss = scatter(rng, miss(fg3m, fg3Pct, 58), P.map((p, i) => u(i) * p.threeRate * (1 - p.threePct)));
  const ftMiss = scatter(rng, miss(ftm, ftPct, 44), P.map((p, i) => u(i) * p.freeThrowRate * (1 - p.freeThrowPct)));

  const oreb = scatter(rng, count(10.5, 3), P.map((p, i) => p.rebound * p.rebound * m(i)));
  const dreb = scatter(rng, count(33, 4.5), P.map((p, i) => p.rebound * m(i)));
  const ast = scatter(rng, Math.round((fg2m + fg3m) * clamp(rng.normal(0.62, 0.07), 0.4, 0.85)), P.map((p, i) => p.assist * m(i)));
  const stl = scatter(rng, count(7.5, 2.5), P.map((p, i) => p.steal * m(i)));
  const blk = scatter(rng, count(5, 2), P.map((p, i) => p.block * m(i)));
  const tov = scatter(rng, count(13.5, 3.5), P.map((p, i) => u(i) * (0.5 + p.assist)));
  const pf = scatter(rng, count(18, 3.5), P.map((p, i) => p.foul * m(i)), 6);

  const plusMinus = plusMinusSplit(rng, minutes, 5 * (input.points - input.opponentPoints));

  return players.map((player, i) => {
    const at = (xs: readonly number[]): number => xs[i] ?? 0;
    const fgm = at(fg2Made) + at(fg3Made);
    return {
      player,
      min: m(i),
      fgm,
      fga: fgm + at(fg2Miss) + at(fg3Miss),
      fg3m: at(fg3Made),
      fg3a: at(fg3Made) + at(fg3Miss),
      ftm: at(ftMade),
      fta: at(ftMade) + at(ftMiss),
      oreb: at(oreb),
      dreb: at(dreb),
      reb: at(oreb) + at(dreb),
      ast: at(ast),
      stl: at(stl),
      blk: at(blk),
      tov: at(tov),
      pf: at(pf),
      pts: 2 * fgm + at(fg3Made) + at(ftMade),
      plusMinus: at(plusMinus),
    };
  });
}

/** Five players are always on the floor, so the team's plus-minus sums to 5 x the final margin. */
function plusMinusSplit(rng: Rng, minutes: readonly number[], teamTotal: number): number[] {
  const total = minutes.reduce((a, b) => a + b, 0);
  const out = minutes.map((mi) => Math.round((teamTotal * mi) / total + rng.normal(0, 7 * Math.sqrt(mi / 36))));
  let residual = teamTotal - out.reduce((a, b) => a + b, 0);
  const byMinutes = minutes.map((mi, i) => ({ mi, i })).sort((a, b) => b.mi - a.mi || a.i - b.i);
  for (let k = 0; residual !== 0; k = (k + 1) % byMinutes.length) {
    const idx = byMinutes[k]?.i ?? 0;
    const step = Math.sign(residual);
    out[idx] = (out[idx] ?? 0) + step;
    residual -= step;
  }
  return out;
}
