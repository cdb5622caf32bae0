import { z } from "zod";
import { parseShape } from "./payload-shape";

/**
 * BettingPros (DOMAIN §1.7). Events: `{_parameters{date}, events[]}`. Offers for one market,
 * flattened by the scraper: `{date, market_id, props[{offer_id, event_id, player_id,
 * player_name, player_team, over|under{opening_line, sportsbooks[]}}]}`; the scraper also keeps
 * the `events[]` it looked the date's event ids up with, so a prop can be tied to its game. The
 * structure is checked here; values are checked record by record by the raw processor.
 */

export const POINTS_MARKET_ID = 156;

export const bpEventsPayloadSchema = z.looseObject({
  _parameters: z.looseObject({ date: z.string().nullable().optional() }).optional(),
  events: z.array(z.record(z.string(), z.unknown())),
});

const sideSchema = z.looseObject({
  opening_line: z.record(z.string(), z.unknown()).nullable().optional(),
  sportsbooks: z.array(z.record(z.string(), z.unknown())),
});

const propSchema = z.looseObject({
  over: sideSchema.nullable().optional(),
  under: sideSchema.nullable().optional(),
});

export const bpPropsPayloadSchema = z.looseObject({
  date: z.string(),
  market_id: z.number().int(),
  events: z.array(z.record(z.string(), z.unknown())).optional(),
  props: z.array(propSchema),
});

export type BpPropsPayload = z.infer<typeof bpPropsPayloadSchema>;
export type BpProp = z.infer<typeof propSchema>;
export type BpSide = z.infer<typeof sideSchema>;

export function bpEvents(payload: unknown): Record<string, unknown>[] {
  return parseShape(bpEventsPayloadSchema, payload, "").events;
}

export function bpPropsPayload(payload: unknown): BpPropsPayload {
  return parseShape(bpPropsPayloadSchema, payload, "");
}

export const BET_SIDES = ["over", "under"] as const;
export type BetSide = (typeof BET_SIDES)[number];

/** One record: a sportsbook's line on one side of one player's offer. */
export interface BpOfferRecord {
  readonly prop: BpProp;
  readonly side: BetSide;
  readonly sideData: BpSide;
  readonly book: Record<string, unknown>;
  readonly path: string;
}

export function bpOfferRecords(payload: BpPropsPayload): BpOfferRecord[] {
  const out: BpOfferRecord[] = [];
  payload.props.forEach((prop, p) => {
    for (const side of BET_SIDES) {
      const sideData = prop[side];
      if (!sideData) continue;
      sideData.sportsbooks.forEach((book, b) => out.push({ prop, side, sideData, book, path: `props[${p}].${side}.sportsbooks[${b}]` }));
    }
  });
  return out;
}

/** BettingPros book ids (DOMAIN §1.7). */
export const BP_BOOKS: Readonly<Record<number, string>> = {
  0: "Consensus",
  10: "FanDuel",
  12: "DraftKings",
  13: "Caesars",
  19: "BetMGM",
  24: "bet365",
};
