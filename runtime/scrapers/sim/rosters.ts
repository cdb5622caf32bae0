/**
 * Season rosters per (seed, seasonYear): 13-15 players a team, fixed for the season. Player ids
 * and player_lookup keys are unique league-wide, so no two players anywhere join on one key.
 */
import { playerLookup } from "../../domain/player-lookup";
import { stream, type Rng } from "./prng";
import { SIM_TEAMS } from "./league";
import { FIRST_NAMES, LAST_NAMES, SUFFIXES } from "./names";

export type Position = "G" | "F" | "C";

/** Per-player tendencies; the box-score allocator multiplies them by minutes played. */
export interface PlayerProfile {
  readonly minutesWeight: number;
  readonly usage: number;
  /** Share of field-goal attempts taken from three. */
  readonly threeRate: number;
  /** Free-throw attempts per field-goal attempt. */
  readonly freeThrowRate: number;
  readonly twoPct: number;
  readonly threePct: number;
  readonly freeThrowPct: number;
  readonly rebound: number;
  readonly assist: number;
  readonly steal: number;
  readonly block: number;
  readonly foul: number;
  /** Probability of being available for a given game. */
  readonly availability: number;
}

export interface RosterPlayer {
  readonly personId: number;
  readonly firstName: string;
  readonly lastName: string;
  readonly name: string;
  readonly teamTricode: string;
  readonly position: Position;
  /** 0 = first starter; the rotation follows depth order. */
  readonly depth: number;
  readonly profile: PlayerProfile;
}

const POSITIONS: readonly Position[] = ["G", "G", "F", "F", "C", "G", "F", "C", "G", "F", "C", "G", "F", "C", "G"];
const MINUTES_BY_DEPTH: readonly number[] = [34, 33, 32, 31, 29, 24, 21, 18, 14, 11, 6, 4, 3, 2, 2];

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

function profile(rng: Rng, position: Position, depth: number): PlayerProfile {
  const byPos = <T>(g: T, f: T, c: T): T => (position === "G" ? g : position === "F" ? f : c);
  const star = depth < 3 ? rng.normal(1.4, 0.25) : rng.normal(0.9, 0.2);
  return {
    minutesWeight: Math.max(1, (MINUTES_BY_DEPTH[depth] ?? 2) * Math.exp(rng.normal(0, 0.12))),
    usage: clamp(star, 0.4, 2.2),
    threeRate: clamp(rng.normal(byPos(0.45, 0.4, 0.15), 0.1), 0.02, 0.75),
    freeThrowRate: clamp(rng.normal(byPos(0.22, 0.24, 0.3), 0.06), 0.05, 0.5),
    twoPct: clamp(rng.normal(byPos(0.51, 0.53, 0.6), 0.04), 0.38, 0.7),
    threePct: clamp(rng.normal(0.36, 0.035), 0.25, 0.45),
    freeThrowPct: clamp(rng.normal(byPos(0.82, 0.78, 0.7), 0.06), 0.5, 0.95),
    rebound: clamp(rng.normal(byPos(0.6, 1.0, 1.7), 0.15), 0.2, 2.5),
    assist: clamp(rng.normal(byPos(1.8, 0.9, 0.6), 0.25), 0.2, 3),
    steal: clamp(rng.normal(byPos(1.2, 1.0, 0.8), 0.2), 0.3, 2),
    block: clamp(rng.normal(byPos(0.3, 0.7, 1.8), 0.2), 0.05, 3),
    foul: clamp(rng.normal(byPos(0.9, 1.0, 1.3), 0.15), 0.4, 2),
    availability: clamp(rng.normal(0.93, 0.04), 0.75, 0.99),
  };
}

function uniqueName(rng: Rng, usedKeys: Set<string>): { firstName: string; lastName: string } {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const firstName = rng.pick(FIRST_NAMES);
    let lastName = rng.pick(LAST_NAMES);
    if (rng.chance(0.07)) lastName = `${lastName} ${rng.pick(SUFFIXES)}`;
    const key = playerLookup(`${firstName} ${lastName}`);
    if (usedKeys.has(key)) continue;
    usedKeys.add(key);
    return { firstName, lastName };
  }
  throw new Error("could not draw a unique player name");
}

function uniqueId(rng: Rng, usedIds: Set<number>): number {
  for (;;) {
    // A few veterans carry the old six-digit ids NBA.com still uses.
    const id = rng.chance(0.1) ? rng.int(201_000, 204_999) : rng.int(1_626_000, 1_642_999);
    if (!usedIds.has(id)) {
      usedIds.add(id);
      return id;
    }
  }
}

function buildLeague(seed: number, seasonYear: number): ReadonlyMap<string, readonly RosterPlayer[]> {
  const rng = stream(seed, "rosters", seasonYear);
  const usedKeys = new Set<string>();
  const usedIds = new Set<number>();
  const league = new Map<string, readonly RosterPlayer[]>();
  for (const team of SIM_TEAMS) {
    const size = rng.int(13, 15);
    const players: RosterPlayer[] = [];
    for (let depth = 0; depth < size; depth++) {
      const { firstName, lastName } = uniqueName(rng, usedKeys);
      const position = POSITIONS[depth] ?? "F";
      players.push({
        personId: uniqueId(rng, usedIds),
        firstName,
        lastName,
        name: `${firstName} ${lastName}`,
        teamTricode: team.tricode,
        position,
        depth,
        profile: profile(rng, position, depth),
      });
    }
    league.set(team.tricode, players);
  }
  return league;
}

// Rosters are requested once per game; a small memo keeps a season's worth of box scores cheap.
const memo = new Map<string, ReadonlyMap<string, readonly RosterPlayer[]>>();

export function leagueRosters(seed: number, seasonYear: number): ReadonlyMap<string, readonly RosterPlayer[]> {
  const key = `${seed}|${seasonYear}`;
  let league = memo.get(key);
  if (!league) {
    league = buildLeague(seed, seasonYear);
    if (memo.size >= 8) memo.clear();
    memo.set(key, league);
  }
  return league;
}

export function teamRoster(seed: number, seasonYear: number, tricode: string): readonly RosterPlayer[] {
  const roster = leagueRosters(seed, seasonYear).get(tricode);
  if (!roster) throw new Error(`no roster for ${tricode}`);
  return roster;
}
