import { nbacSchedule } from "../../catalog/tables/nbac-schedule";
import type { EmptyReason } from "../../monitoring/run-record";
import { seasonYearForDate } from "../../domain/season";
import { param, sql, tableRef } from "../../platform/sql/fragment";
import type { Warehouse } from "../../platform/ports/warehouse";

export interface ScheduleDay {
  readonly games: number;
  readonly finalGames: number;
}

export async function scheduleDay(warehouse: Warehouse, gameDate: string): Promise<ScheduleDay> {
  const rows = await warehouse.query(
    sql`SELECT COUNT(*) AS games, COUNTIF(game_status = 3) AS final_games FROM ${tableRef(nbacSchedule)} WHERE game_date = ${param("game_date", gameDate, "DATE")}`,
  );
  return { games: Number(rows[0]?.games ?? 0), finalGames: Number(rows[0]?.final_games ?? 0) };
}

/** Games the stored schedule holds for the season of a date: none means the schedule itself is missing. */
export async function seasonScheduledGames(warehouse: Warehouse, gameDate: string): Promise<number> {
  const rows = await warehouse.query(
    sql`SELECT COUNT(*) AS games FROM ${tableRef(nbacSchedule)} WHERE season_year = ${param("season_year", seasonYearForDate(gameDate), "INT64")}`,
  );
  return Number(rows[0]?.games ?? 0);
}

/**
 * A run that found nothing is categorised against the schedule (RELIABILITY row 1): no games,
 * games not final yet, or a real gap (final games but no data), which is a failure.
 */
export function emptyReasonFor(day: ScheduleDay): EmptyReason {
  if (day.games === 0) return "no_games_scheduled";
  if (day.finalGames === 0) return "source_not_final";
  return "real_gap";
}
