/**
 * Points lines for the sim league's players, near what they score: a player's share of the team's
 * expected points follows minutes x usage, the same tendencies the box-score allocator uses.
 */
import { stream } from "./prng";
import { teamRoster, type RosterPlayer } from "./rosters";

export interface PropLine {
  readonly player: RosterPlayer;
  /** Expected points before noise. */
  readonly expected: number;
  /** The consensus line: a half point, so a push is impossible. */
  readonly line: number;
}

const TEAM_POINTS = 113;
/** Books post points lines for the rotation's top players. */
const PLAYERS_WITH_PROPS = 6;

export function propLines(seed: number, seasonYear: number, gameId: string, tricode: string): PropLine[] {
  const roster = teamRoster(seed, seasonYear, tricode);
  const rotation = roster.slice(0, 10);
  const weight = (p: RosterPlayer): number => p.profile.minutesWeight * p.profile.usage;
  const total = rotation.reduce((s, p) => s + weight(p), 0);
  const rng = stream(seed, "prop-lines", gameId, tricode);
  return roster.slice(0, PLAYERS_WITH_PROPS).map((player) => {
    const expected = (TEAM_POINTS * weight(player)) / total;
    const line = Math.max(3.5, Math.floor(expected + rng.normal(0, 1.2)) + 0.5);
    return { player, expected, line };
  });
}
