import { daysBetween } from "../../domain/et-date";
import { ratio, sumOrNull } from "./stats";

export type Zone = "paint" | "mid_range" | "three_pt";
export const ZONES: readonly Zone[] = ["paint", "mid_range", "three_pt"];

/** DOMAIN §4.3: used when fewer than 10 teams qualify. */
export const DEFAULT_LEAGUE_ZONE_PCT: Readonly<Record<Zone, number>> = { paint: 0.58, mid_range: 0.41, three_pt: 0.355 };
const WINDOW_DAYS = 30;
const MIN_TEAM_GAMES = 10;
const MIN_TEAMS = 10;

export interface ZoneAllowed {
  readonly game_date: string;
  readonly opp_paint_attempts: number | null;
  readonly opp_paint_makes: number | null;
  readonly opp_mid_range_attempts: number | null;
  readonly opp_mid_range_makes: number | null;
  readonly opp_three_pt_attempts: number | null;
  readonly opp_three_pt_makes: number | null;
}

/** Σmakes / Σattempts allowed in a zone; null when any game lacks the zone's counts. */
export function zonePctAllowed(games: readonly ZoneAllowed[], zone: Zone, digits = 3): number | null {
  const makes = sumOrNull(games, (g) => (zone === "paint" ? g.opp_paint_makes : zone === "mid_range" ? g.opp_mid_range_makes : g.opp_three_pt_makes));
  const attempts = sumOrNull(games, (g) => (zone === "paint" ? g.opp_paint_attempts : zone === "mid_range" ? g.opp_mid_range_attempts : g.opp_three_pt_attempts));
  return ratio(makes, attempts, digits);
}

/**
 * League zone pct allowed for an analysis date: per team over its games in the 30 days before
 * the date, teams with at least 10 such games, unweighted mean across teams.
 */
export function leagueZoneAverages(gamesByTeam: ReadonlyMap<string, readonly ZoneAllowed[]>, date: string): Record<Zone, number> {
  const out = { ...DEFAULT_LEAGUE_ZONE_PCT };
  for (const zone of ZONES) {
    const pcts: number[] = [];
    for (const games of gamesByTeam.values()) {
      const window = games.filter((g) => g.game_date < date && daysBetween(g.game_date, date) <= WINDOW_DAYS);
      if (window.length < MIN_TEAM_GAMES) continue;
      const pct = zonePctAllowed(window, zone, 9);
      if (pct !== null) pcts.push(pct);
    }
    if (pcts.length >= MIN_TEAMS) out[zone] = pcts.reduce((s, v) => s + v, 0) / pcts.length;
  }
  return out;
}
