import type { Row } from "../../catalog/derive/row-type";
import type { TableSpec } from "../../catalog/types";
import type { ScheduledGame } from "../raw/scheduled-games";
import type { QuarantinedRecord } from "./quarantine";

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
  const known = new Set(schedule.flatMap((g) => [g.nbaGameId, g.gameId]));
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
  const missingGames = schedule.filter((g) => g.gameStatus === 3 && !covered.has(g.nbaGameId) && !covered.has(g.gameId)).map((g) => g.nbaGameId);
  return { rows: kept, unknown, missingGames };
}
