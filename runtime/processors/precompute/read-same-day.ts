import { z } from "zod";
import { bettingprosPlayerPointsProps } from "../../catalog/tables/bettingpros-player-points-props";
import { nbacInjuryReport } from "../../catalog/tables/nbac-injury-report";
import { addDays } from "../../domain/et-date";
import type { Warehouse } from "../../platform/ports/warehouse";
import { arrayParam, identList, inArray, param, sql, tableRef } from "../../platform/sql/fragment";
import type { InjuryReportEntry } from "./injury-risk";
import type { BettingProsOverRow } from "./vegas-lines";

/**
 * Same-day context of the analysis dates (DOMAIN §3.5 #10, #25–28): what was published for the
 * day's games, read in one statement per source for a whole range. Each reader keeps only what
 * was out before tip (injury-risk.ts, vegas-lines.ts), so nothing after the game reaches a row.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const injuryEntry = z.object({
  report_date: isoDate,
  report_hour: z.number().int(),
  game_date: isoDate,
  game_id: z.string(),
  player_lookup: z.string(),
  injury_status: z.string(),
});

/** Reports come out the days before a game too (partitioned by report date). */
const INJURY_REPORT_LOOKBACK_DAYS = 2;

export async function readInjuryReports(warehouse: Warehouse, dates: readonly string[]): Promise<InjuryReportEntry[]> {
  const sorted = [...dates].sort();
  const rows = await warehouse.query(
    sql`SELECT ${identList(Object.keys(injuryEntry.shape))} FROM ${tableRef(nbacInjuryReport)}
    WHERE report_date >= ${param("report_from", addDays(sorted[0]!, -INJURY_REPORT_LOOKBACK_DAYS), "DATE")} AND report_date <= ${param("report_to", sorted[sorted.length - 1]!, "DATE")}
    AND ${inArray(sql`game_date`, arrayParam("game_dates", sorted, "DATE"))}`,
  );
  return rows.map((r) => injuryEntry.parse(r));
}

const overRow = z.object({
  game_date: isoDate,
  player_lookup: z.string(),
  book_id: z.number().int(),
  is_active: z.boolean().nullable(),
  points_line: z.number().nullable(),
  opening_line: z.number().nullable(),
  bookmaker_last_update: z.iso.datetime({ offset: true }).nullable(),
});

export async function readBettingProsOverLines(warehouse: Warehouse, dates: readonly string[]): Promise<BettingProsOverRow[]> {
  const rows = await warehouse.query(
    sql`SELECT ${identList(Object.keys(overRow.shape))} FROM ${tableRef(bettingprosPlayerPointsProps)}
    WHERE ${inArray(sql`game_date`, arrayParam("dates", [...dates].sort(), "DATE"))} AND bet_side = ${param("bet_side", "over", "STRING")}`,
  );
  return rows.map((r) => overRow.parse(r));
}
