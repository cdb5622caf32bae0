import type { ProducedRow } from "../../catalog/derive/row-type";
import type { nbacInjuryReport } from "../../catalog/tables/nbac-injury-report";

export type InjuryRow = ProducedRow<typeof nbacInjuryReport>;

/** Statuses that keep a player off the floor for context purposes (DOMAIN §4.5). */
export const OUT_STATUSES: ReadonlySet<string> = new Set(["out", "doubtful"]);

/** The latest report per (game_id, player_lookup): many versions a day are kept, readers take the newest. */
export function latestInjuries(rows: readonly InjuryRow[], gameDate: string): Map<string, InjuryRow> {
  const latest = new Map<string, InjuryRow>();
  for (const r of rows) {
    if (r.game_date !== gameDate) continue;
    const key = `${r.game_id}|${r.player_lookup}`;
    const seen = latest.get(key);
    if (!seen || r.report_date > seen.report_date || (r.report_date === seen.report_date && r.report_hour > seen.report_hour)) latest.set(key, r);
  }
  return latest;
}
