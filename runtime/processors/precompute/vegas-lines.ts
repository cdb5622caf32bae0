/** The BettingPros columns features #25–28 read (over side only). */
export interface BettingProsOverRow {
  readonly game_date: string;
  readonly player_lookup: string;
  readonly book_id: number;
  readonly is_active: boolean | null;
  readonly points_line: number | null;
  readonly opening_line: number | null;
  readonly bookmaker_last_update: string | null;
}

export interface VegasLine {
  readonly line: number;
  readonly opening: number | null;
}

/** BettingPros book 0 is its consensus, an average of the books, not a book. */
const CONSENSUS_BOOK = 0;

const mean = (values: readonly number[]): number | null => (values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length);

/**
 * DOMAIN §3.5 #25/#26 for one player and game: over side, active offers; per book the latest
 * line updated before the cutoff (the tip; ties take the higher line, so the pick never depends
 * on row order); the mean over books, and the mean of those books' opening lines. The consensus
 * is used only when no book has a line. Null when no line was posted before the cutoff.
 */
export function vegasLine(rows: readonly BettingProsOverRow[], cutoffUtc: string | null): VegasLine | null {
  const cutoff = cutoffUtc === null ? Number.NaN : Date.parse(cutoffUtc);
  const latest = new Map<number, { at: number; row: BettingProsOverRow }>();
  for (const row of rows) {
    if (row.is_active === false || row.points_line === null) continue;
    const at = row.bookmaker_last_update === null ? Number.NaN : Date.parse(row.bookmaker_last_update);
    if (!Number.isNaN(cutoff) && (Number.isNaN(at) || at >= cutoff)) continue;
    const seen = latest.get(row.book_id);
    if (!seen || at > seen.at || (at === seen.at && row.points_line > seen.row.points_line!)) latest.set(row.book_id, { at, row });
  }
  const books = [...latest.entries()].filter(([book]) => book !== CONSENSUS_BOOK);
  const chosen = (books.length > 0 ? books : [...latest.entries()]).map(([, v]) => v.row);
  const line = mean(chosen.map((r) => r.points_line!));
  if (line === null) return null;
  return { line, opening: mean(chosen.flatMap((r) => (r.opening_line === null ? [] : [r.opening_line]))) };
}
