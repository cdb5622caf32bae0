import { TaskCancelledError, TimeoutStrategy, timeout } from "cockatiel";
import { nbacSchedule } from "../../catalog/tables/nbac-schedule";
import { seasonLabel, seasonYearForDate } from "../../domain/season";
import { scheduledGames } from "../../processors/raw/scheduled-games";
import { param, sql, tableRef } from "../../platform/sql/fragment";
import type { Warehouse } from "../../platform/ports/warehouse";
import type { ScheduledGamesLookup } from "./date-fan-out";

/** Games stored for a season; the game_date range is the partition filter BigQuery requires on the table. */
async function seasonGames(warehouse: Warehouse, seasonYear: number): Promise<number> {
  const rows = await warehouse.query(
    sql`SELECT COUNT(*) AS games FROM ${tableRef(nbacSchedule)}
        WHERE game_date BETWEEN ${param("season_start", `${seasonYear}-07-01`, "DATE")} AND ${param("season_end", `${seasonYear + 1}-06-30`, "DATE")}
          AND season_year = ${param("season_year", seasonYear, "INT64")}`,
  );
  return Number(rows[0]?.games ?? 0);
}

/**
 * The games of an ET date as the warehouse stores them (nba_raw.nbac_schedule), for the http
 * source's per-game fan-out. Bounded by a hard timeout (RELIABILITY row 11), and a season whose
 * schedule is not loaded at all is an error, never a day without games.
 */
export function storedScheduleGames(warehouse: Warehouse, timeoutMs = 30_000): ScheduledGamesLookup {
  const bounded = timeout(timeoutMs, TimeoutStrategy.Aggressive);
  return async (gameDate) => {
    try {
      return await bounded.execute(async () => {
        const games = await scheduledGames(warehouse, gameDate);
        const seasonYear = seasonYearForDate(gameDate);
        if (games.length === 0 && (await seasonGames(warehouse, seasonYear)) === 0) {
          throw new Error(`the stored schedule holds no game of season ${seasonLabel(seasonYear)}: load nbac_schedule first`);
        }
        return games;
      });
    } catch (err) {
      if (err instanceof TaskCancelledError) throw new Error(`no answer from the warehouse within ${timeoutMs} ms`);
      throw err;
    }
  };
}
