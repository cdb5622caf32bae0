import type { Row } from "../../catalog/derive/row-type";
import { nbacSchedule } from "../../catalog/tables/nbac-schedule";
import type { TableSpec } from "../../catalog/types";
import { param, sql, tableRef } from "../../platform/sql/fragment";
import type { Warehouse } from "../../platform/ports/warehouse";
import type { QuarantinedRecord } from "./quarantine";

/** One game of the schedule on a date: its NBA id, canonical id and status. */
export interface ScheduledGame {
  readonly gameId: string;
  readonly canonicalGameId: string;
  readonly status: number;
}

export async function scheduledGames(warehouse: Warehouse, gameDate: string): Promise<ScheduledGame[]> {
  const rows = await warehouse.query(
    sql`SELECT game_id, canonical_game_id, game_status FROM ${tableRef(nbacSchedule)} WHERE game_date = ${param("game_date", gameDate, "DATE")} ORDER BY game_id`,
  );
  return rows.map((r) => ({ gameId: String(r.game_id), canonicalGameId: String(r.canonical_game_id), status: Number(r.game_status) }));
}

export interface CoverageResult {
  /** Rows of games the schedule knows for the date. */
  readonly rows: Row[];
  /** Rows of games the schedule does not have on that date: quarantined, never loaded. */
  readonly unknown: QuarantinedRecord[];
  /** The schedule's final games for the date that the input does not cover (NBA ids). */
  readonly missingGames: string[];
}

/** The game a row belongs to, in the id format it carries (the NBA id where the table has one). */
function gameIdOf(row: Row): string | null {
  const id = row.nba_game_id ?? row.game_id;
  return typeof id === "string" && id !== "" ? id : null;
}

/**
 * Compares the games of a date-scoped input with the schedule's games for that date (issue 8):
 * a final game the input lacks is missing (the run is `partial`, naming it); a game the schedule
 * does not have that day is unknown, and its rows are quarantined. Pure: the schedule comes in.
 */
export function judgeCoverage(table: TableSpec, rows: readonly Row[], schedule: readonly ScheduledGame[], source: string): CoverageResult {
  const known = new Set(schedule.flatMap((g) => [g.gameId, g.canonicalGameId]));
  const covered = new Set<string>();
  const kept: Row[] = [];
  const unknown: QuarantinedRecord[] = [];
  rows.forEach((row, index) => {
    const id = gameIdOf(row);
    if (id !== null && known.has(id)) {
      covered.add(id);
      kept.push(row);
      return;
    }
    const field = row.nba_game_id !== undefined ? "nba_game_id" : "game_id";
    unknown.push({
      source,
      record: `output row ${index} of ${table.dataset}.${table.name}`,
      field,
      value: id,
      reason: `game ${id ?? "(none)"} is not in the schedule for ${typeof row.game_date === "string" ? row.game_date : "the date"}${schedule.length === 0 ? " (the schedule has no games that day: is nbac_schedule loaded for the season?)" : ""}`,
      index,
      key: id ?? undefined,
    });
  });
  const missingGames = schedule.filter((g) => g.status === 3 && !covered.has(g.gameId) && !covered.has(g.canonicalGameId)).map((g) => g.gameId);
  return { rows: kept, unknown, missingGames };
}
