import type { ProducedRow } from "../../catalog/derive/row-type";
import { bettingprosPlayerPointsProps } from "../../catalog/tables/bettingpros-player-points-props";
import { dataHash } from "../../domain/data-hash";
import { playerLookup } from "../../domain/player-lookup";
import { normalizeTricode } from "../../domain/teams";
import { BP_BOOKS, bpOfferRecords, bpPropsPayload, POINTS_MARKET_ID, type BpOfferRecord } from "../../scrapers/formats/bettingpros";
import { bpEventGame } from "./bp-event-game";
import { contentFields } from "../base/hash-fields";
import { FieldError } from "../base/field-error";
import { intField, stringField, type SourceRecord } from "../base/fields";
import { ProcessorError } from "../base/processor-error";
import { parseEach } from "../base/quarantine";
import { optionalNumberField, optionalUtcField } from "./betting-fields";
import { readShape } from "./payload-shape-error";
import type { RawParseContext, RawParseResult, RawProcessorDefinition } from "./raw-processor";

type OfferRow = ProducedRow<typeof bettingprosPlayerPointsProps>;

const HASH_FIELDS = contentFields(bettingprosPlayerPointsProps);

function optionalBool(record: SourceRecord, field: string): boolean | null {
  const v = record[field];
  if (v === null || v === undefined) return null;
  if (typeof v !== "boolean") throw new FieldError(field, v, "expected true or false");
  return v;
}

function optionalAmerican(record: SourceRecord, field: string): number | null {
  const v = record[field];
  if (v === null || v === undefined) return null;
  // BettingPros quotes American odds only: a small number here is not a decimal price.
  if (typeof v !== "number" || !Number.isInteger(v) || Math.abs(v) < 100) throw new FieldError(field, v, "expected American odds (an integer at or beyond +/-100)");
  return v;
}

function idText(record: SourceRecord, field: string): string | null {
  const v = record[field];
  if (v === null || v === undefined) return null;
  if (typeof v === "number" && Number.isInteger(v)) return String(v);
  return stringField(record, field);
}

function toRow(r: BpOfferRecord, events: ReadonlyMap<number, SourceRecord>, context: RawParseContext): OfferRow {
  const eventId = intField(r.prop, "event_id", { min: 1 });
  const event = events.get(eventId);
  const game = event ? bpEventGame(event) : null;
  if (game && game.gameDate !== context.gameDate) throw new FieldError("event_id", eventId, `belongs to a game of ${game.gameDate}, expected the requested date ${context.gameDate}`);
  const name = stringField(r.prop, "player_name");
  const lookup = playerLookup(name);
  if (!lookup) throw new FieldError("player_name", name, "normalises to an empty player key");
  const rawTeam = r.prop.player_team;
  if (rawTeam !== null && rawTeam !== undefined && typeof rawTeam !== "string") throw new FieldError("player_team", rawTeam, "expected a tricode, FA or null");
  const team = typeof rawTeam === "string" ? normalizeTricode(rawTeam) : null;
  // The team is as of scrape time (can be FA): flag it rather than trust it for the game.
  const hasTeamIssues = team === null || (game !== null && team !== game.home && team !== game.visitor);
  const bookId = intField(r.book, "book_id", { min: 0 });
  const opening = r.sideData.opening_line ?? null;
  const row: Omit<OfferRow, "data_hash"> = {
    game_date: game?.gameDate ?? context.gameDate,
    game_id: game?.gameId ?? null,
    market_id: POINTS_MARKET_ID,
    bp_event_id: eventId,
    offer_id: idText(r.prop, "offer_id"),
    bp_player_id: idText(r.prop, "player_id"),
    player_full_name: name,
    player_lookup: lookup,
    player_team: team ?? (typeof rawTeam === "string" ? rawTeam.trim() : null),
    has_team_issues: hasTeamIssues,
    book_id: bookId,
    bookmaker: BP_BOOKS[bookId] ?? null,
    line_id: idText(r.book, "line_id"),
    bet_side: r.side,
    points_line: optionalNumberField(r.book, "line"),
    odds_american: optionalAmerican(r.book, "odds"),
    is_active: optionalBool(r.book, "active"),
    is_best_line: optionalBool(r.book, "best"),
    bookmaker_last_update: optionalUtcField(r.book, "updated")?.toISOString() ?? null,
    opening_line: opening ? optionalNumberField(opening, "line") : null,
    opening_odds: opening ? optionalAmerican(opening, "cost") : null,
    data_source: "bettingpros_player_props",
    source_file_path: context.objectUri,
    processed_at: context.processedAt,
    created_at: context.processedAt,
  };
  return { ...row, data_hash: dataHash(row, HASH_FIELDS) };
}

/** One row per (player, book, side) of a flattened points-offers file, tied to its event's game when the file lists the event. */
export function parseBpPlayerProps(payload: unknown, context: RawParseContext): RawParseResult {
  const parsed = readShape(context.source, () => bpPropsPayload(payload));
  if (parsed.market_id !== POINTS_MARKET_ID) throw new ProcessorError("INPUT_INVALID", `${context.source}: payload field market_id: ${parsed.market_id} is not the points market ${POINTS_MARKET_ID}; nothing was written`);
  const events = new Map<number, SourceRecord>();
  for (const event of parsed.events ?? []) if (typeof event.id === "number") events.set(event.id, event);
  const records = bpOfferRecords(parsed);
  const describe = (r: BpOfferRecord): string => `${r.path} (offer ${JSON.stringify(r.prop.offer_id) ?? "undefined"}, player ${JSON.stringify(r.prop.player_name) ?? "undefined"})`;
  const out = parseEach(records, context.source, describe, (r) => toRow(r, events, context));
  return { rows: out.rows, quarantined: out.quarantined, filtered: 0 };
}

export const bettingprosPlayerPointsPropsProcessor: RawProcessorDefinition = {
  name: "bettingpros_player_points_props",
  table: bettingprosPlayerPointsProps,
  scope: "date",
  parse: parseBpPlayerProps,
};
