import type { ProducedRow } from "../../catalog/derive/row-type";
import { oddsApiGameLines } from "../../catalog/tables/odds-api-game-lines";
import { dataHash } from "../../domain/data-hash";
import { tricodeFromTeamName } from "../../domain/team-names";
import { eventOddsResponses, GAME_LINE_MARKETS, oddsMarkets, type OddsMarketRecord, type OddsOutcome } from "../../scrapers/formats/odds-api";
import { contentFields } from "../base/hash-fields";
import { FieldError } from "../base/field-error";
import { stringField } from "../base/fields";
import { parseEach } from "../base/quarantine";
import { minutesBetween, numberField, priceField } from "./betting-fields";
import { oddsEventContext } from "./odds-event-fields";
import { nbaGameIdOf, unmatchedOddsEvents } from "./odds-nba-game-id";
import { readShape } from "./payload-shape-error";
import type { RawParseContext, RawParseResult, RawProcessorDefinition } from "./raw-processor";

type LineRow = ProducedRow<typeof oddsApiGameLines>;

const HASH_FIELDS = contentFields(oddsApiGameLines);

interface OutcomeRecord {
  readonly market: OddsMarketRecord;
  readonly index: number;
  readonly outcome: OddsOutcome;
}

function toRow({ market, outcome }: OutcomeRecord, context: RawParseContext): LineRow {
  const event = oddsEventContext(market.response, market.bookmaker, context.gameDate);
  const name = stringField(outcome, "name");
  let team: string | null = null;
  if (market.market.key === "spreads") {
    team = tricodeFromTeamName(name);
    if (team !== event.home && team !== event.away) throw new FieldError("name", outcome.name, `expected the event's home or away team (${event.home}, ${event.away})`);
  } else if (name !== "Over" && name !== "Under") {
    throw new FieldError("name", outcome.name, 'expected "Over" or "Under" in the totals market');
  }
  const price = priceField(outcome, "price");
  const row: Omit<LineRow, "data_hash"> = {
    game_date: event.gameDate,
    game_id: event.gameId,
    nba_game_id: nbaGameIdOf(context.schedule, event.home, event.away),
    odds_api_event_id: event.eventId,
    game_start_time: event.commence.toISOString(),
    home_team_abbr: event.home,
    away_team_abbr: event.away,
    snapshot_timestamp: event.snapshot.toISOString(),
    minutes_before_tipoff: minutesBetween(event.commence, event.snapshot),
    bookmaker_key: market.bookmaker.key,
    bookmaker_title: market.bookmaker.title ?? null,
    bookmaker_last_update: event.bookmakerLastUpdate?.toISOString() ?? null,
    market_key: market.market.key,
    outcome_name: name,
    outcome_team_abbr: team,
    outcome_point: numberField(outcome, "point"),
    outcome_price: price.decimal,
    outcome_price_american: price.american,
    data_source: event.dataSource,
    source_file_path: context.objectUri,
    processed_at: context.processedAt,
    created_at: context.processedAt,
  };
  return { ...row, data_hash: dataHash(row, HASH_FIELDS) };
}

/** Spreads and totals of every bookmaker, one row per outcome; other markets (h2h) are counted as filtered. */
export function parseOddsGameLines(payload: unknown, context: RawParseContext): RawParseResult {
  const markets = readShape(context.source, () => oddsMarkets(eventOddsResponses(payload)));
  const records: OutcomeRecord[] = [];
  let filtered = 0;
  for (const market of markets) {
    if (!GAME_LINE_MARKETS.includes(market.market.key)) {
      filtered += market.market.outcomes.length;
      continue;
    }
    market.market.outcomes.forEach((outcome, index) => records.push({ market, index, outcome }));
  }
  const describe = (r: OutcomeRecord): string => `${r.market.path}.outcomes[${r.index}] (event ${r.market.response.event.id}, ${r.market.bookmaker.key} ${r.market.market.key})`;
  const parsed = parseEach(records, context.source, describe, (r) => toRow(r, context));
  const unmatched = unmatchedOddsEvents(parsed.rows);
  return { rows: parsed.rows, quarantined: parsed.quarantined, filtered, ...(unmatched ? { metadata: unmatched } : {}) };
}

export const oddsApiGameLinesProcessor: RawProcessorDefinition = {
  name: "odds_api_game_lines",
  table: oddsApiGameLines,
  scope: "date",
  // The schedule maps each event to its NBA game id (home and away on the ET date).
  needsSchedule: true,
  parse: parseOddsGameLines,
};
