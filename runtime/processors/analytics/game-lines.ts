import type { ProducedRow } from "../../catalog/derive/row-type";
import type { oddsApiGameLines } from "../../catalog/tables/odds-api-game-lines";
import { bookOrder } from "./prop-lines";

export type GameLineRow = ProducedRow<typeof oddsApiGameLines>;

/** The outcome's point of the first book by priority, from its latest snapshot at or before tip. */
function linePoint(rows: readonly GameLineRow[], tipUtc: string | null): number | null {
  const tip = tipUtc === null ? Number.POSITIVE_INFINITY : Date.parse(tipUtc);
  const latest = new Map<string, { ts: number; point: number }>();
  for (const r of rows) {
    const ts = Date.parse(r.snapshot_timestamp);
    if (r.outcome_point === null || ts > tip) continue;
    const seen = latest.get(r.bookmaker_key);
    if (!seen || ts > seen.ts) latest.set(r.bookmaker_key, { ts, point: r.outcome_point });
  }
  const book = [...latest.keys()].sort(bookOrder)[0];
  return book === undefined ? null : latest.get(book)!.point;
}

/** The team's spread (negative = favourite) and the game total, from the Odds API game lines. */
export function gameLinesFor(lines: readonly GameLineRow[], gameId: string, team: string, tipUtc: string | null): { spread: number | null; total: number | null } {
  const game = lines.filter((l) => l.game_id === gameId);
  return {
    spread: linePoint(
      game.filter((l) => l.market_key === "spreads" && l.outcome_team_abbr === team),
      tipUtc,
    ),
    total: linePoint(
      game.filter((l) => l.market_key === "totals" && l.outcome_name.toLowerCase() === "over"),
      tipUtc,
    ),
  };
}
