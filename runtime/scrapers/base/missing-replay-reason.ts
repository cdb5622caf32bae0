import type { EmptyReason } from "../../monitoring/run-record";
import { emptyReasonFor, scheduleDay } from "../../processors/base/empty-reason";
import type { Warehouse } from "../../platform/ports/warehouse";
import type { ScraperDefinition } from "./scraper-definition";

/**
 * Why a replay directory has no payload for a date-scoped scraper, judged against the schedule.
 * A capture need not hold every optional source: for a scraper the catalog does not mark critical,
 * a date with final games but no payload is `not_captured` (recorded, no rows), while a missing
 * critical source (schedule, official player lines) stays a real gap, i.e. a failure.
 */
export async function missingReplayReason(warehouse: Warehouse, scraper: ScraperDefinition, date: string): Promise<EmptyReason> {
  const reason = emptyReasonFor(await scheduleDay(warehouse, date));
  return reason === "real_gap" && !scraper.spec.critical ? "not_captured" : reason;
}
