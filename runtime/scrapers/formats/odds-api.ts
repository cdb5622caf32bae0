import { z } from "zod";
import { parseShape, PayloadShapeError } from "./payload-shape";

/**
 * The Odds API v4 (DOMAIN §1.6). Events: live `[event]`, historical `{timestamp,
 * previous_timestamp, next_timestamp, data:[event]}`. Event odds: `{id, commence_time, home_team,
 * away_team, bookmakers[{key, title, last_update, markets[{key, last_update, outcomes[]}]}]}`,
 * wrapped the same way when historical. The structure is checked here; the values of each
 * outcome are checked record by record by the raw processors (a bad value quarantines one record).
 */

const snapshotFields = {
  timestamp: z.string(),
  previous_timestamp: z.string().nullable().optional(),
  next_timestamp: z.string().nullable().optional(),
};

export const oddsEventsPayloadSchema = z.looseObject({ ...snapshotFields, data: z.array(z.record(z.string(), z.unknown())) });

const outcomeSchema = z.record(z.string(), z.unknown());
const marketSchema = z.looseObject({ key: z.string().min(1), last_update: z.string().nullable().optional(), outcomes: z.array(outcomeSchema) });
const bookmakerSchema = z.looseObject({ key: z.string().min(1), title: z.string().nullable().optional(), last_update: z.string().nullable().optional(), markets: z.array(marketSchema) });
const eventOddsSchema = z.looseObject({
  id: z.string().min(1),
  sport_key: z.string().optional(),
  commence_time: z.unknown(),
  home_team: z.unknown(),
  away_team: z.unknown(),
  bookmakers: z.array(bookmakerSchema),
});

export type OddsOutcome = z.infer<typeof outcomeSchema>;
export type OddsMarket = z.infer<typeof marketSchema>;
export type OddsBookmaker = z.infer<typeof bookmakerSchema>;
export type OddsEventOdds = z.infer<typeof eventOddsSchema>;

/** One event's odds as captured: the snapshot time when historical (null when live), and where it sits in the payload. */
export interface EventOddsResponse {
  readonly at: string;
  readonly snapshot: string | null;
  readonly previousSnapshot: string | null;
  readonly event: OddsEventOdds;
}

/** Every event in an events payload (historical snapshot or live list) with its snapshot time. */
export function oddsEvents(payload: unknown): { snapshot: string | null; events: Record<string, unknown>[] } {
  if (Array.isArray(payload)) return { snapshot: null, events: parseShape(z.array(z.record(z.string(), z.unknown())), payload, "") };
  const parsed = parseShape(oddsEventsPayloadSchema, payload, "");
  return { snapshot: parsed.timestamp, events: parsed.data };
}

function oneResponse(value: unknown, at: string): EventOddsResponse {
  if (value !== null && typeof value === "object" && !Array.isArray(value) && "data" in value) {
    const wrapped = parseShape(z.looseObject({ ...snapshotFields, data: eventOddsSchema }), value, at);
    return { at: `${at}.data`.replace(/^\./, ""), snapshot: wrapped.timestamp, previousSnapshot: wrapped.previous_timestamp ?? null, event: wrapped.data };
  }
  return { at: at.replace(/^\./, "") || "(root)", snapshot: null, previousSnapshot: null, event: parseShape(eventOddsSchema, value, at) };
}

/**
 * The event-odds responses of a payload. The endpoint answers one event per call; a date's
 * scrape stores them together as a JSON array (the replay layout keeps one file per event).
 */
export function eventOddsResponses(payload: unknown): EventOddsResponse[] {
  if (Array.isArray(payload)) return payload.map((item, i) => oneResponse(item, `[${i}]`));
  if (payload === null || typeof payload !== "object") throw new PayloadShapeError("", "expected an event-odds object or an array of them");
  return [oneResponse(payload, "")];
}

/** One record of a market the processors read: an outcome (game lines) or one player's Over/Under pair (props). */
export interface OddsMarketRecord {
  readonly response: EventOddsResponse;
  readonly bookmaker: OddsBookmaker;
  readonly market: OddsMarket;
  /** Path of the bookmaker's market in the payload, for quarantine messages. */
  readonly path: string;
}

/** Every (response, bookmaker, market) of a payload, in order. */
export function oddsMarkets(responses: readonly EventOddsResponse[]): OddsMarketRecord[] {
  const out: OddsMarketRecord[] = [];
  for (const response of responses) {
    response.event.bookmakers.forEach((bookmaker, b) => {
      bookmaker.markets.forEach((market, m) => out.push({ response, bookmaker, market, path: `${response.at === "(root)" ? "" : `${response.at}.`}bookmakers[${b}].markets[${m}]` }));
    });
  }
  return out;
}

export const PLAYER_POINTS_MARKET = "player_points";
export const GAME_LINE_MARKETS: readonly string[] = ["spreads", "totals"];

/** A player's outcomes in one bookmaker's player_points market, grouped by `description` (the player). */
export interface PlayerOutcomes {
  readonly player: unknown;
  readonly outcomes: readonly { readonly index: number; readonly outcome: OddsOutcome }[];
}

export function playerOutcomeGroups(market: OddsMarket): PlayerOutcomes[] {
  const groups = new Map<string, { player: unknown; outcomes: { index: number; outcome: OddsOutcome }[] }>();
  market.outcomes.forEach((outcome, index) => {
    const key = typeof outcome.description === "string" ? outcome.description.trim() : `\u0000${index}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { player: outcome.description, outcomes: [] }));
    group.outcomes.push({ index, outcome });
  });
  return [...groups.values()];
}

/**
 * Records in a player-props payload, as the scraper counts them and the processor reads them:
 * one per (snapshot, bookmaker, player) of the player_points market, plus one per outcome of any
 * other market (which the processor counts as filtered).
 */
export function countPlayerPropRecords(payload: unknown): number {
  return oddsMarkets(eventOddsResponses(payload)).reduce((n, r) => n + (r.market.key === PLAYER_POINTS_MARKET ? playerOutcomeGroups(r.market).length : r.market.outcomes.length), 0);
}

/** Records in a game-lines payload: one per market outcome (spreads and totals are stored, others filtered). */
export function countGameLineRecords(payload: unknown): number {
  return oddsMarkets(eventOddsResponses(payload)).reduce((n, r) => n + r.market.outcomes.length, 0);
}
