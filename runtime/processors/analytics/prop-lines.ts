import type { ProducedRow } from "../../catalog/derive/row-type";
import { bettingprosPlayerPointsProps } from "../../catalog/tables/bettingpros-player-points-props";
import { tableView } from "../../catalog/derive/table-view";
import type { oddsApiPlayerPointsProps } from "../../catalog/tables/odds-api-player-points-props";
import { round } from "./formulas";

export type OddsPropRow = ProducedRow<typeof oddsApiPlayerPointsProps>;
/** The BettingPros columns a line is picked from (the player summary and context read the same view, once). */
export const bettingProsLines = tableView(bettingprosPlayerPointsProps, [
  "game_date",
  "game_id",
  "player_lookup",
  "book_id",
  "bookmaker",
  "bet_side",
  "points_line",
  "is_active",
  "bookmaker_last_update",
  "opening_line",
  "data_hash",
  "processed_at",
]);
export type BettingProsPropRow = ProducedRow<typeof bettingProsLines>;

export interface PropLine {
  readonly points_line: number;
  readonly opening_line: number | null;
  readonly source: "odds_api" | "bettingpros";
  readonly bookmaker: string;
}

/** DOMAIN §3.3: draftkings, then fanduel, then the other books alphabetically. */
export function bookOrder(a: string, b: string): number {
  const rank = (book: string): number => ["draftkings", "fanduel"].indexOf(book.toLowerCase().replace(/[^a-z]/g, "")) + 1 || 3;
  return rank(a) - rank(b) || (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0);
}

const at = (ts: string | null): number => (ts === null ? Number.NaN : Date.parse(ts));

interface BookLines {
  latest: { ts: number; line: number };
  first: { ts: number; line: number };
}

/** Per book: the latest snapshot at or before tip (the line) and the earliest (the opening line). */
function perBook<T>(rows: readonly T[], book: (r: T) => string | null, ts: (r: T) => number, line: (r: T) => number | null, tip: number): Map<string, BookLines> {
  const books = new Map<string, BookLines>();
  for (const r of rows) {
    const name = book(r);
    const value = line(r);
    const t = ts(r);
    if (name === null || value === null || Number.isNaN(t) || (!Number.isNaN(tip) && t > tip)) continue;
    const b = books.get(name);
    if (!b) books.set(name, { latest: { ts: t, line: value }, first: { ts: t, line: value } });
    else {
      if (t > b.latest.ts || (t === b.latest.ts && value > b.latest.line)) b.latest = { ts: t, line: value };
      if (t < b.first.ts || (t === b.first.ts && value < b.first.line)) b.first = { ts: t, line: value };
    }
  }
  return books;
}

function pick(books: Map<string, BookLines>): [string, BookLines] | null {
  const names = [...books.keys()].sort(bookOrder);
  const name = names[0];
  return name === undefined ? null : [name, books.get(name)!];
}

/**
 * The points line of one player in one game: the Odds API first, else BettingPros (over side,
 * active offers); per book the latest snapshot at or before tip, the first book by priority.
 */
export function propLineFor(odds: readonly OddsPropRow[], bettingPros: readonly BettingProsPropRow[], tipUtc: string | null): PropLine | null {
  const tip = at(tipUtc);
  const fromOdds = pick(perBook(odds, (r) => r.bookmaker, (r) => at(r.snapshot_timestamp), (r) => r.points_line, tip));
  if (fromOdds) return { points_line: fromOdds[1].latest.line, opening_line: fromOdds[1].first.line, source: "odds_api", bookmaker: fromOdds[0] };
  const over = bettingPros.filter((r) => r.bet_side === "over" && r.is_active !== false);
  const fromBp = pick(perBook(over, (r) => r.bookmaker ?? String(r.book_id), (r) => at(r.bookmaker_last_update ?? r.processed_at), (r) => r.points_line, tip));
  if (!fromBp) return null;
  const opening = over.find((r) => (r.bookmaker ?? String(r.book_id)) === fromBp[0] && r.opening_line !== null)?.opening_line ?? fromBp[1].first.line;
  return { points_line: fromBp[1].latest.line, opening_line: opening, source: "bettingpros", bookmaker: fromBp[0] };
}

export type OverUnder = "OVER" | "UNDER" | "PUSH";

/** OVER if points > line, UNDER if <, PUSH if equal (the original counted a push as OVER). */
export function overUnder(points: number, line: number): { margin: number; result: OverUnder } {
  const margin = round(points - line, 2);
  return { margin, result: margin > 0 ? "OVER" : margin < 0 ? "UNDER" : "PUSH" };
}
