import { TaskCancelledError, TimeoutStrategy, timeout } from "cockatiel";
import { seasonLabel, seasonYearForDate } from "../../domain/season";
import { seasonScheduledGames } from "../../processors/base/empty-reason";
import { scheduledGames } from "../../processors/raw/scheduled-games";
import type { Warehouse } from "../../platform/ports/warehouse";
import type { ScheduledGamesLookup } from "./date-fan-out";

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
        if (games.length === 0 && (await seasonScheduledGames(warehouse, gameDate)) === 0) {
          throw new Error(`the stored schedule holds no game of season ${seasonLabel(seasonYearForDate(gameDate))}: load nbac_schedule first`);
        }
        return games;
      });
    } catch (err) {
      if (err instanceof TaskCancelledError) throw new Error(`no answer from the warehouse within ${timeoutMs} ms`);
      throw err;
    }
  };
}
