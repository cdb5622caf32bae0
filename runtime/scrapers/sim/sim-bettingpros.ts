/**
 * BettingPros payloads for one ET date of the sim schedule (DOMAIN §1.7): the events list, and the
 * points offers (market 156) flattened the way the scraper stores them, with the events they
 * belong to. `scheduled` is UTC without a marker, like the real API. Pure.
 */
import { POINTS_MARKET_ID } from "../formats/bettingpros";
import { stream, type Rng } from "./prng";
import { propLines } from "./prop-lines";
import { minutesBefore, simSlate, type SlateGame } from "./sim-slate";

/** Consensus first, then the books BettingPros lists. */
const BOOK_IDS = [0, 10, 12] as const;

export interface SimBpOptions {
  readonly gameDate: string;
  readonly seed: number;
  readonly today: string;
}

/** "2025-03-16T00:00:00Z" -> "2025-03-16 00:00:00" (BettingPros spelling, still UTC). */
const bpTime = (iso: string): string => iso.replace("T", " ").replace(/(\.\d+)?Z$/, "");

/** Sim event ids live above 9,000,000, far from BettingPros' own (about 20,000 in 2021). */
export function simBpEventId(gameId: string): number {
  return 9_000_000 + Number(gameId.slice(-5)) + 100_000 * (Number(gameId.slice(3, 5)) % 10);
}

function bpEvent(g: SlateGame): Record<string, unknown> {
  return {
    id: simBpEventId(g.gameId),
    sport: "NBA",
    scheduled: bpTime(g.commence),
    season: g.seasonYear,
    season_type: "REG",
    status: g.final ? "closed" : "scheduled",
    home: g.home,
    visitor: g.away,
  };
}

export function simulateBpEvents(opts: SimBpOptions): unknown {
  const events = simSlate(opts.gameDate, opts.seed, opts.today).map(bpEvent);
  return { _parameters: { sport: "NBA", date: opts.gameDate }, events };
}

const american = (rng: Rng): number => {
  const p = Math.round(rng.normal(-113, 9));
  return p > -100 ? -100 : p;
};

function side(rng: Rng, line: number, created: string, updated: string, offerId: string, side: "over" | "under"): Record<string, unknown> {
  const books = BOOK_IDS.map((bookId) => ({
    book_id: bookId,
    line_id: `${offerId}-${side}-${bookId}`,
    line: bookId === 0 ? line : Math.max(3.5, line + (rng.chance(0.2) ? (rng.chance(0.5) ? 1 : -1) : 0)),
    odds: american(rng),
    active: true,
    best: false,
    updated,
  }));
  const best = books.slice(1).reduce((a, b) => (b.odds > a.odds ? b : a));
  best.best = true;
  return { opening_line: { line, cost: -110, book_id: 0, created }, sportsbooks: books };
}

export function simulateBpPlayerProps(opts: SimBpOptions): unknown {
  const slate = simSlate(opts.gameDate, opts.seed, opts.today);
  const props = slate.flatMap((g) => {
    const rng = stream(opts.seed, "bp-player-props", g.gameId);
    const created = bpTime(minutesBefore(g.commence, 720));
    const updated = bpTime(minutesBefore(g.commence, 60));
    return [g.away, g.home].flatMap((team) =>
      propLines(opts.seed, g.seasonYear, g.gameId, team).map((l) => {
        const offerId = `${simBpEventId(g.gameId)}-${l.player.personId}`;
        return {
          offer_id: offerId,
          event_id: simBpEventId(g.gameId),
          player_id: String(l.player.personId),
          player_name: l.player.name,
          player_team: team,
          over: side(rng, l.line, created, updated, offerId, "over"),
          under: side(rng, l.line, created, updated, offerId, "under"),
        };
      }),
    );
  });
  return { date: opts.gameDate, market_id: POINTS_MARKET_ID, events: slate.map(bpEvent), props };
}
