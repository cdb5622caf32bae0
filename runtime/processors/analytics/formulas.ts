/** DOMAIN §4.1 efficiency formulas, pure. Team minutes: 240 in regulation, +25 per overtime. */

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round((value + Math.sign(value) * Number.EPSILON) * f) / f;
}

export const REGULATION_TEAM_MINUTES = 240;
const OVERTIME_TEAM_MINUTES = 25;

/** FGA + 0.44·FTA − OREB + TOV, 1 dp. */
export function possessions(fga: number, fta: number, oreb: number, tov: number): number {
  return round(fga + 0.44 * fta - oreb + tov, 1);
}

/** Points per 100 possessions, 2 dp; null without possessions. */
export function rating(points: number, poss: number): number | null {
  return poss > 0 ? round((points / poss) * 100, 2) : null;
}

/** Possessions per 48 minutes: possessions × 48 / (team minutes / 5), 1 dp. */
export function pace(poss: number, teamMinutes: number): number | null {
  return teamMinutes > 0 ? round((poss * 48) / (teamMinutes / 5), 1) : null;
}

/** PTS / (2·(FGA + 0.44·FTA)), fraction, 3 dp; null without attempts. */
export function trueShooting(points: number, fga: number, fta: number): number | null {
  const denominator = 2 * (fga + 0.44 * fta);
  return denominator > 0 ? round(points / denominator, 3) : null;
}

/** (FGM + 0.5·3PM) / FGA, fraction, 3 dp; null without attempts. */
export function effectiveFieldGoal(fgm: number, fg3m: number, fga: number): number | null {
  return fga > 0 ? round((fgm + 0.5 * fg3m) / fga, 3) : null;
}

export interface UsageInputs {
  readonly fga: number;
  readonly fta: number;
  readonly tov: number;
  readonly minutes: number;
}

/**
 * 100·(FGA + 0.44·FTA + TOV)·(TmMin/5) / (MIN·(TmFGA + 0.44·TmFTA + TmTOV)), 1 dp; null without
 * minutes or team totals. TmMin/5 is 48 only in regulation (the original hard-coded 48).
 */
export function usageRate(player: UsageInputs, team: UsageInputs): number | null {
  const teamPlays = team.fga + 0.44 * team.fta + team.tov;
  if (player.minutes <= 0 || teamPlays <= 0 || team.minutes <= 0) return null;
  return round((100 * (player.fga + 0.44 * player.fta + player.tov) * (team.minutes / 5)) / (player.minutes * teamPlays), 1);
}

/** (team minutes − 240) / 25 when above 240, else 0. */
export function overtimePeriods(teamMinutes: number): number {
  return teamMinutes > REGULATION_TEAM_MINUTES ? Math.round((teamMinutes - REGULATION_TEAM_MINUTES) / OVERTIME_TEAM_MINUTES) : 0;
}

/**
 * Team minutes when only player minutes are known: their sum is 240 + 25 per overtime up to
 * rounding of each player's minutes, so snap it to the nearest whole overtime.
 */
export function teamMinutesFromPlayers(sumOfPlayerMinutes: number): number {
  const overtimes = Math.max(0, Math.round((sumOfPlayerMinutes - REGULATION_TEAM_MINUTES) / OVERTIME_TEAM_MINUTES));
  return REGULATION_TEAM_MINUTES + OVERTIME_TEAM_MINUTES * overtimes;
}

/** "265:00" → 265; missing → 240 (DOMAIN §4.1). */
export function parseTeamMinutes(value: string | null): number {
  if (value === null) return REGULATION_TEAM_MINUTES;
  const m = /^(\d+):(\d{2})$/.exec(value.trim());
  if (!m) throw new Error(`team minutes "${value}" are not MMM:SS`);
  return Number(m[1]) + Number(m[2]) / 60;
}
