import type { ProducedRow } from "../../catalog/derive/row-type";
import { tableView } from "../../catalog/derive/table-view";
import { nbacPlayByPlay } from "../../catalog/tables/nbac-play-by-play";
import { trackSource, type TrackedSource } from "../base/source-tracking";
import { groupBy } from "./group-by";

/**
 * The play-by-play columns the zone counts and source tracking use: the game summaries read these
 * 18 of its 33 (one shared read; the clock, scores, times and third players are never needed).
 */
export const zonePlays = tableView(nbacPlayByPlay, [
  "game_id",
  "game_date",
  "event_id",
  "period",
  "event_type",
  "event_action_type",
  "player_1_id",
  "player_1_lookup",
  "player_1_team_abbr",
  "player_2_id",
  "player_2_lookup",
  "player_2_team_abbr",
  "shot_made",
  "shot_type",
  "shot_distance",
  "shot_area",
  "data_hash",
  "processed_at",
]);

export type PlayByPlayRow = ProducedRow<typeof zonePlays>;

/**
 * Play-by-play source tracking per game, computed once: every row of a game (each player, each
 * team) shares it, and hashing the game's actions again for each of them was most of a run's work.
 * A game without actions gets the tracking of none.
 */
export function trackingByGame(actions: readonly PlayByPlayRow[]): (gameId: string) => TrackedSource {
  const byGame = new Map([...groupBy(actions, (a) => a.game_id)].map(([game, rows]) => [game, trackSource(rows, null)]));
  const none = trackSource([], null);
  return (gameId) => byGame.get(gameId) ?? none;
}
export type Zone = "paint" | "mid_range" | "three";

/** DOMAIN §4.2: the paint is within 8 ft. */
const PAINT_MAX_FEET = 8;
const PAINT_AREAS = new Set(["Restricted Area", "In The Paint (Non-RA)"]);

export interface ZoneCounts {
  paint_attempts: number;
  paint_makes: number;
  mid_range_attempts: number;
  mid_range_makes: number;
  three_attempts: number;
  three_makes: number;
  assisted_fg_makes: number;
  unassisted_fg_makes: number;
  and1_count: number;
}

export interface BlockCounts {
  paint: number;
  mid_range: number;
  three: number;
}

export interface GameZones {
  /** Per `game_id|<player key>` (playerKey). */
  readonly players: ReadonlyMap<string, ZoneCounts>;
  /** Per `game_id|team_abbr` (the shooting team). */
  readonly teams: ReadonlyMap<string, ZoneCounts>;
  /** Per `game_id|team_abbr` of the blocking (defending) team, in the blocked shot's zone. */
  readonly blocks: ReadonlyMap<string, BlockCounts>;
  /** Games with play-by-play rows. */
  readonly games: ReadonlySet<string>;
}

/**
 * Who an action names: the NBA player id the live feed carries (its names are initials only, so
 * raw rows keep no lookup), else a lookup when a source supplies one. Null for none.
 */
export function playerKey(id: number | null, lookup: string | null): string | null {
  return id !== null ? `id:${id}` : lookup;
}

function isFieldGoal(row: PlayByPlayRow): boolean {
  return row.event_type === "2pt" || row.event_type === "3pt" || row.shot_type === "2PT" || row.shot_type === "3PT";
}

/**
 * Three from the source's own 3-point flag (never from distance alone: corner threes are about
 * 22 ft), else paint within 8 ft (the published area when the distance is missing), else mid-range.
 */
export function zoneOf(row: Pick<PlayByPlayRow, "event_type" | "shot_type" | "shot_distance" | "shot_area">): Zone {
  if (row.event_type === "3pt" || row.shot_type === "3PT") return "three";
  if (row.shot_distance !== null) return row.shot_distance <= PAINT_MAX_FEET ? "paint" : "mid_range";
  return row.shot_area !== null && PAINT_AREAS.has(row.shot_area) ? "paint" : "mid_range";
}

const emptyZones = (): ZoneCounts => ({
  paint_attempts: 0,
  paint_makes: 0,
  mid_range_attempts: 0,
  mid_range_makes: 0,
  three_attempts: 0,
  three_makes: 0,
  assisted_fg_makes: 0,
  unassisted_fg_makes: 0,
  and1_count: 0,
});

function bump(counts: ZoneCounts, zone: Zone, made: boolean, assisted: boolean): void {
  counts[`${zone}_attempts`] += 1;
  if (!made) return;
  counts[`${zone}_makes`] += 1;
  if (assisted) counts.assisted_fg_makes += 1;
  else counts.unassisted_fg_makes += 1;
}

function entry<V>(map: Map<string, V>, key: string, make: () => V): V {
  let v = map.get(key);
  if (!v) {
    v = make();
    map.set(key, v);
  }
  return v;
}

/** Free throws are not zoned; an and-one is a made field goal followed by a `1 of 1` free throw by the same player. */
function isAndOneFreeThrow(row: PlayByPlayRow): boolean {
  return row.event_type === "freethrow" && row.event_action_type !== null && /\b1 of 1\b/.test(row.event_action_type);
}

/** Zone, assist, and-one and block counts for every player and team of the given actions. */
export function gameZones(actions: readonly PlayByPlayRow[]): GameZones {
  const players = new Map<string, ZoneCounts>();
  const teams = new Map<string, ZoneCounts>();
  const blocks = new Map<string, BlockCounts>();
  const games = new Set<string>();
  const ordered = [...actions].sort((a, b) => (a.game_id < b.game_id ? -1 : a.game_id > b.game_id ? 1 : a.event_id - b.event_id));
  let lastShot: PlayByPlayRow | null = null;
  for (const row of ordered) {
    games.add(row.game_id);
    if (lastShot && lastShot.game_id !== row.game_id) lastShot = null;
    const shooter = playerKey(row.player_1_id, row.player_1_lookup);
    const second = playerKey(row.player_2_id, row.player_2_lookup);
    if (isFieldGoal(row) && shooter !== null) {
      const zone = zoneOf(row);
      const made = row.shot_made === true;
      // player 2 of a made shot is the assister; of a missed shot, the blocker.
      const assisted = made && second !== null;
      bump(entry(players, `${row.game_id}|${shooter}`, emptyZones), zone, made, assisted);
      if (row.player_1_team_abbr !== null) bump(entry(teams, `${row.game_id}|${row.player_1_team_abbr}`, emptyZones), zone, made, assisted);
      if (!made && second !== null && row.player_2_team_abbr !== null && row.player_2_team_abbr !== row.player_1_team_abbr) {
        entry(blocks, `${row.game_id}|${row.player_2_team_abbr}`, () => ({ paint: 0, mid_range: 0, three: 0 }))[zone] += 1;
      }
      lastShot = row;
    } else if (isAndOneFreeThrow(row) && shooter !== null && lastShot && lastShot.shot_made === true && playerKey(lastShot.player_1_id, lastShot.player_1_lookup) === shooter && lastShot.period === row.period) {
      entry(players, `${row.game_id}|${shooter}`, emptyZones).and1_count += 1;
      if (row.player_1_team_abbr !== null) entry(teams, `${row.game_id}|${row.player_1_team_abbr}`, emptyZones).and1_count += 1;
      lastShot = null;
    }
  }
  return { players, teams, blocks, games };
}
