/**
 * The Odds API payloads for one ET date of the sim schedule, in the historical formats
 * (DOMAIN §1.6): the events snapshot, and per event one event-odds snapshot with spreads/totals
 * (decimal prices) or player_points (American prices, as a capture with oddsFormat=american).
 * Pure: no I/O, no clock, no Math.random.
 */
import { createHash } from "node:crypto";
import { oddsApiTeamName } from "../../domain/team-names";
import { stream, type Rng } from "./prng";
import { propLines } from "./prop-lines";
import { minutesBefore, simSlate, type SlateGame } from "./sim-slate";

const SPORT = { sport_key: "basketball_nba", sport_title: "NBA" } as const;
const BOOKS = [
  { key: "draftkings", title: "DraftKings" },
  { key: "fanduel", title: "FanDuel" },
  { key: "betmgm", title: "BetMGM" },
] as const;
const SNAPSHOT_GAP_MINUTES = 5;

export interface SimOddsOptions {
  readonly gameDate: string;
  readonly seed: number;
  readonly today: string;
}

/** A 32-hex event id like The Odds API's, derived from the sim game (so it never changes between runs). */
export function simOddsEventId(seed: number, gameId: string): string {
  return createHash("md5").update(`sim-odds|${seed}|${gameId}`).digest("hex");
}

function event(seed: number, g: SlateGame): Record<string, unknown> {
  return { id: simOddsEventId(seed, g.gameId), ...SPORT, commence_time: g.commence, home_team: oddsApiTeamName(g.home), away_team: oddsApiTeamName(g.away) };
}

function snapshot(at: string, data: unknown): Record<string, unknown> {
  return { timestamp: at, previous_timestamp: minutesBefore(at, SNAPSHOT_GAP_MINUTES), next_timestamp: minutesBefore(at, -SNAPSHOT_GAP_MINUTES), data };
}

const halfPoint = (v: number): number => Math.round(v * 2) / 2;
const decimalPrice = (rng: Rng): number => Math.round((1.87 + rng.normal(0, 0.03)) * 100) / 100;

/** The events snapshot taken three hours before the day's first tip. */
export function simulateOddsEvents(opts: SimOddsOptions): unknown {
  const slate = simSlate(opts.gameDate, opts.seed, opts.today);
  const first = slate.map((g) => g.commence).sort()[0];
  const at = first ? minutesBefore(first, 180) : `${opts.gameDate}T16:00:00Z`;
  return snapshot(at, slate.map((g) => event(opts.seed, g)));
}

/** One snapshot per event, two hours before its tip, with every book's spread and total. */
export function simulateOddsGameLines(opts: SimOddsOptions): unknown[] {
  return simSlate(opts.gameDate, opts.seed, opts.today).map((g) => {
    const rng = stream(opts.seed, "odds-game-lines", g.gameId);
    const at = minutesBefore(g.commence, 120);
    const homeSpread = halfPoint(rng.normal(-2, 6));
    const total = halfPoint(rng.normal(228, 8));
    const bookmakers = BOOKS.map((book) => {
      const spread = homeSpread + halfPoint(rng.normal(0, 0.4));
      const points = total + halfPoint(rng.normal(0, 0.6));
      const update = minutesBefore(at, rng.int(1, 30));
      return {
        ...book,
        last_update: update,
        markets: [
          {
            key: "spreads",
            last_update: update,
            outcomes: [
              { name: oddsApiTeamName(g.away), price: decimalPrice(rng), point: -spread },
              { name: oddsApiTeamName(g.home), price: decimalPrice(rng), point: spread },
            ],
          },
          {
            key: "totals",
            last_update: update,
            outcomes: [
              { name: "Over", price: decimalPrice(rng), point: points },
              { name: "Under", price: decimalPrice(rng), point: points },
            ],
          },
        ],
      };
    });
    return snapshot(at, { ...event(opts.seed, g), bookmakers });
  });
}

const americanPrice = (rng: Rng): number => {
  const p = Math.round(rng.normal(-112, 8));
  return p > -100 ? -100 : p;
};

/** One snapshot per event, ninety minutes before its tip: each book's points line for the top players of both teams. */
export function simulateOddsPlayerProps(opts: SimOddsOptions): unknown[] {
  return simSlate(opts.gameDate, opts.seed, opts.today).map((g) => {
    const rng = stream(opts.seed, "odds-player-props", g.gameId);
    const at = minutesBefore(g.commence, 90);
    const lines = [...propLines(opts.seed, g.seasonYear, g.gameId, g.away), ...propLines(opts.seed, g.seasonYear, g.gameId, g.home)];
    const bookmakers = BOOKS.map((book) => {
      const update = minutesBefore(at, rng.int(1, 30));
      const outcomes = lines.flatMap((l) => {
        const point = Math.max(3.5, l.line + (rng.chance(0.2) ? (rng.chance(0.5) ? 1 : -1) : 0));
        return [
          { name: "Over", description: l.player.name, price: americanPrice(rng), point },
          { name: "Under", description: l.player.name, price: americanPrice(rng), point },
        ];
      });
      return { ...book, last_update: update, markets: [{ key: "player_points", last_update: update, outcomes }] };
    });
    return snapshot(at, { ...event(opts.seed, g), bookmakers });
  });
}
