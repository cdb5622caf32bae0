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

/**
 * Games the stored schedule holds for the season of a date: none means the schedule itself is
 * missing. The game_date range is the partition filter BigQuery requires on the table; it runs to
 * the end of the following year because a season can end late (2019-20 ended in October 2020).
 */
export async function seasonScheduledGames(warehouse: Warehouse, gameDate: string): Promise<number> {
  const seasonYear = seasonYearForDate(gameDate);
  const rows = await warehouse.query(
    sql`SELECT COUNT(*) AS games FROM ${tableRef(nbacSchedule)}
        WHERE game_date BETWEEN ${param("season_start", `${seasonYear}-07-01`, "DATE")} AND ${param("season_end", `${seasonYear + 1}-12-31`, "DATE")}
          AND season_year = ${param("season_year", seasonYear, "INT64")}`,
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
