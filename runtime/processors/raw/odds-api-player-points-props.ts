import type { ProducedRow } from "../../catalog/derive/row-type";
import { oddsApiPlayerPointsProps } from "../../catalog/tables/odds-api-player-points-props";
import { dataHash } from "../../domain/data-hash";
import type { Price } from "../../domain/odds-price";
import { playerLookup } from "../../domain/player-lookup";
import { eventOddsResponses, oddsMarkets, PLAYER_POINTS_MARKET, playerOutcomeGroups, type OddsMarketRecord, type PlayerOutcomes } from "../../scrapers/formats/odds-api";
import { contentFields } from "../base/hash-fields";
import { FieldError } from "../base/field-error";
import { stringField } from "../base/fields";
import { parseEach } from "../base/quarantine";
import { minutesBetween, numberField, priceField } from "./betting-fields";
import { oddsEventContext } from "./odds-event-fields";
import { nbaGameIdOf, unmatchedOddsEvents } from "./odds-nba-game-id";
import { readShape } from "./payload-shape-error";
import type { RawParseContext, RawParseResult, RawProcessorDefinition } from "./raw-processor";

type PropRow = ProducedRow<typeof oddsApiPlayerPointsProps>;

const HASH_FIELDS = contentFields(oddsApiPlayerPointsProps);

interface PlayerRecord {
  readonly market: OddsMarketRecord;
  readonly group: PlayerOutcomes;
}

interface Side {
  readonly point: number;
  readonly price: Price;
}

function sides(group: PlayerOutcomes): { over: Side | null; under: Side | null } {
  const out: { over: Side | null; under: Side | null } = { over: null, under: null };
  for (const { outcome } of group.outcomes) {
    const name = outcome.name;
    if (name !== "Over" && name !== "Under") throw new FieldError("name", name, 'expected "Over" or "Under"');
    const key = name === "Over" ? "over" : "under";
    if (out[key]) throw new FieldError("name", name, `a second ${name} outcome for the same player and bookmaker`);
    out[key] = { point: numberField(outcome, "point"), price: priceField(outcome, "price") };
  }
  return out;
}

function toRow({ market, group }: PlayerRecord, context: RawParseContext): PropRow {
  const event = oddsEventContext(market.response, market.bookmaker, context.gameDate);
  const name = stringField({ description: group.player }, "description");
  const lookup = playerLookup(name);
  if (!lookup) throw new FieldError("description", name, "normalises to an empty player key");
  const { over, under } = sides(group);
  const row: Omit<PropRow, "data_hash"> = {
    game_id: event.gameId,
    nba_game_id: nbaGameIdOf(context.schedule, event.home, event.away),
    odds_api_event_id: event.eventId,
    game_date: event.gameDate,
    game_start_time: event.commence.toISOString(),
    home_team_abbr: event.home,
    away_team_abbr: event.away,
    snapshot_timestamp: event.snapshot.toISOString(),
    minutes_before_tipoff: minutesBetween(event.commence, event.snapshot),
    bookmaker: market.bookmaker.key,
    bookmaker_last_update: event.bookmakerLastUpdate?.toISOString() ?? null,
    player_full_name: name,
    player_lookup: lookup,
    // DOMAIN §1.6: the line is the Over's point (the Under's only when a book posts no Over).
    points_line: (over ?? under)?.point ?? null,
    over_price: over?.price.decimal ?? null,
    over_price_american: over?.price.american ?? null,
    under_price: under?.price.decimal ?? null,
    under_price_american: under?.price.american ?? null,
    data_source: event.dataSource,
    source_file_path: context.objectUri,
    processed_at: context.processedAt,
    created_at: context.processedAt,
  };
  return { ...row, data_hash: dataHash(row, HASH_FIELDS) };
}

/** One row per (snapshot, bookmaker, player) of the player_points market; outcomes of other markets are counted as filtered. */
export function parseOddsPlayerProps(payload: unknown, context: RawParseContext): RawParseResult {
  const markets = readShape(context.source, () => oddsMarkets(eventOddsResponses(payload)));
  const records: PlayerRecord[] = [];
  let filtered = 0;
  for (const market of markets) {
    if (market.market.key !== PLAYER_POINTS_MARKET) {
      filtered += market.market.outcomes.length;
      continue;
    }
    for (const group of playerOutcomeGroups(market.market)) records.push({ market, group });
  }
  const describe = (r: PlayerRecord): string =>
    `${r.market.path}.outcomes[${r.group.outcomes.map((o) => o.index).join(",")}] (event ${r.market.response.event.id}, ${r.market.bookmaker.key}, player ${JSON.stringify(r.group.player) ?? "undefined"})`;
  const parsed = parseEach(records, context.source, describe, (r) => toRow(r, context));
  const unmatched = unmatchedOddsEvents(parsed.rows);
  return { rows: parsed.rows, quarantined: parsed.quarantined, filtered, ...(unmatched ? { metadata: unmatched } : {}) };
}

export const oddsApiPlayerPointsPropsProcessor: RawProcessorDefinition = {
  name: "odds_api_player_points_props",
  table: oddsApiPlayerPointsProps,
  scope: "date",
  // The schedule maps each event to its NBA game id (home and away on the ET date).
  needsSchedule: true,
  parse: parseOddsPlayerProps,
};
