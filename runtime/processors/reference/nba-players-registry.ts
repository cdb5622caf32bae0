import { z } from "zod";
import type { ProducedRow, RowOf } from "../../catalog/derive/row-type";
import { tableView } from "../../catalog/derive/table-view";
import { nbaPlayersRegistry } from "../../catalog/tables/nba-players-registry";
import { nbacPlayerBoxscores } from "../../catalog/tables/nbac-player-boxscores";
import { nbacTeamRosters } from "../../catalog/tables/nbac-team-rosters";
import { dataHash } from "../../domain/data-hash";
import { seasonLabel, seasonYearForDate } from "../../domain/season";
import { param, sql, tableRef } from "../../platform/sql/fragment";
import type { Warehouse } from "../../platform/ports/warehouse";
import { contentFields } from "../base/hash-fields";
import { readWindow } from "../base/read-window";
import { catalog } from "../../catalog/catalog";
import type { RunnableAnalyticsProcessor } from "../analytics/analytics-processor";
import { emptyReasonFor, scheduleDay } from "../base/empty-reason";
import { runProcessor } from "../base/run-processor";
import type { WorkOutput } from "../base/work-output";

interface TransformContext {
  readonly gameDate: string;
  readonly processedAt: string;
}

interface TransformResult<R> {
  readonly rows: R[];
  readonly expectedRows: number;
}

type RegistryRow = ProducedRow<typeof nbaPlayersRegistry>;

const dateText = z.union([z.string(), z.date()]).transform((v) => (typeof v === "string" ? v.slice(0, 10) : v.toISOString().slice(0, 10)));

/** The player-line columns the registry counts from: read through a view, each row checked against the catalog types. */
const gameLines = tableView(nbacPlayerBoxscores, ["player_lookup", "player_full_name", "team_abbr", "game_date", "minutes"]);
type GameLine = RowOf<typeof gameLines>;
const rosterEntrySchema = z.object({ player_lookup: z.string(), player_full_name: z.string(), team_abbr: z.string(), jersey_number: z.string().nullable(), position: z.string().nullable() });
const storedSchema = z.object({
  player_lookup: z.string(),
  team_abbr: z.string(),
  universal_player_id: z.string(),
  jersey_number: z.string().nullable(),
  position: z.string().nullable(),
  last_roster_activity_date: dateText.nullable(),
  season: z.string(),
});

export interface RegistryInputs {
  readonly season: string;
  /** The season's official player lines (game data owns games, dates and the team once a game is played). */
  readonly games: readonly GameLine[];
  /** The date's rosters (rosters own jersey and position). */
  readonly rosters: readonly z.infer<typeof rosterEntrySchema>[];
  /** Registry rows already stored, every season (universal ids are stable across seasons). */
  readonly stored: readonly z.infer<typeof storedSchema>[];
}

/** Season window for reading game lines: July of the start year to June of the next (playoffs included). */
function seasonWindow(seasonYear: number): { from: string; to: string } {
  return { from: `${seasonYear}-07-01`, to: `${seasonYear + 1}-06-30` };
}

async function extract(warehouse: Warehouse, gameDate: string): Promise<RegistryInputs> {
  const seasonYear = seasonYearForDate(gameDate);
  const window = seasonWindow(seasonYear);
  const games = await readWindow(warehouse, gameLines, window.from, window.to);
  const rosters = await warehouse.query(
    sql`SELECT player_lookup, player_full_name, team_abbr, jersey_number, position FROM ${tableRef(nbacTeamRosters)} WHERE roster_date = ${param("roster_date", gameDate, "DATE")}`,
  );
  const stored = await warehouse.query(
    sql`SELECT player_lookup, team_abbr, universal_player_id, jersey_number, position, last_roster_activity_date, season FROM ${tableRef(nbaPlayersRegistry)}`,
  );
  return {
    season: seasonLabel(seasonYear),
    games,
    rosters: rosters.map((r) => rosterEntrySchema.parse(r)),
    stored: stored.map((r) => storedSchema.parse(r)),
  };
}

const keyOf = (lookup: string, team: string): string => `${lookup}|${team}`;

/**
 * One row per (player, team, season) active on the date (a game line or a roster entry that day),
 * its games counted over the whole season so a rerun of any date gives the same row. A roster applies
 * only if its date is not older than the roster already applied (DOMAIN §3.2).
 */
export function transformRegistry(inputs: RegistryInputs, context: TransformContext): TransformResult<RegistryRow> {
  const universal = new Map<string, string>();
  for (const s of inputs.stored) if (!universal.has(s.player_lookup)) universal.set(s.player_lookup, s.universal_player_id);
  const storedHere = new Map(inputs.stored.filter((s) => s.season === inputs.season).map((s) => [keyOf(s.player_lookup, s.team_abbr), s]));
  const seasonGames = new Map<string, GameLine[]>();
  for (const g of inputs.games) {
    const k = keyOf(g.player_lookup, g.team_abbr);
    const games = seasonGames.get(k);
    if (games) games.push(g);
    else seasonGames.set(k, [g]);
  }
  const rosterOf = new Map(inputs.rosters.map((r) => [keyOf(r.player_lookup, r.team_abbr), r]));
  const active = new Set([...inputs.games.filter((g) => g.game_date === context.gameDate).map((g) => keyOf(g.player_lookup, g.team_abbr)), ...rosterOf.keys()]);
  const rows: RegistryRow[] = [...active].sort().map((k) => {
    const games = (seasonGames.get(k) ?? []).slice().sort((a, b) => (a.game_date < b.game_date ? -1 : a.game_date > b.game_date ? 1 : 0));
    const roster = rosterOf.get(k);
    const stored = storedHere.get(k);
    const rosterApplies = roster !== undefined && (stored?.last_roster_activity_date === null || stored?.last_roster_activity_date === undefined || stored.last_roster_activity_date <= context.gameDate);
    const [lookup = "", team = ""] = k.split("|");
    const played = games.filter((g) => g.minutes !== null);
    const latest = games.at(-1);
    const row: Omit<RegistryRow, "data_hash"> = {
      universal_player_id: universal.get(lookup) ?? `${lookup}_001`,
      player_lookup: lookup,
      player_name: latest?.player_full_name ?? roster?.player_full_name ?? lookup,
      team_abbr: team,
      season: inputs.season,
      first_game_date: games[0]?.game_date ?? null,
      last_game_date: latest?.game_date ?? null,
      games_played: played.length,
      dnp_appearances: games.length - played.length,
      inactive_appearances: 0,
      jersey_number: rosterApplies ? roster.jersey_number : (stored?.jersey_number ?? null),
      position: rosterApplies ? roster.position : (stored?.position ?? null),
      source_priority: played.length > 0 ? "nba_gamebook" : "roster_nbac",
      confidence_score: 1,
      last_gamebook_activity_date: latest?.game_date ?? null,
      last_roster_activity_date: rosterApplies ? context.gameDate : (stored?.last_roster_activity_date ?? null),
      processed_at: context.processedAt,
      created_at: context.processedAt,
    };
    return { ...row, data_hash: dataHash(row, contentFields(nbaPlayersRegistry)) };
  });
  return { rows, expectedRows: rows.length };
}

async function registryWork(warehouse: Warehouse, gameDate: string, now: Date): Promise<WorkOutput> {
  const result = transformRegistry(await extract(warehouse, gameDate), { gameDate, processedAt: now.toISOString() });
  const emptyReason = result.rows.length === 0 ? emptyReasonFor(await scheduleDay(warehouse, gameDate)) : undefined;
  return { rows: result.rows, quarantined: [], expectedRows: result.expectedRows, emptyReason };
}

/**
 * Reference data, not a game table: the registry is unpartitioned (one row per player, team and
 * season), so it runs through the lifecycle directly rather than the declared-inputs base, whose
 * checks read date partitions.
 */
export const nbaPlayersRegistryProcessor: RunnableAnalyticsProcessor = {
  name: "nba_players_registry",
  table: nbaPlayersRegistry,
  run(platform, gameDate, sourceKind, correlationId) {
    const spec = catalog.processors.find((p) => p.name === "nba_players_registry");
    if (!spec) throw new Error("catalog: processor nba_players_registry is not declared");
    return runProcessor(platform, { spec, table: nbaPlayersRegistry, scope: gameDate, gameDate, sourceKind, correlationId, work: () => registryWork(platform.warehouse, gameDate, platform.clock.now()) });
  },
  work: registryWork,
};
