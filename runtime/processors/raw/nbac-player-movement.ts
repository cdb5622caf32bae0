import { nbacPlayerMovement } from "../../catalog/tables/nbac-player-movement";
import type { ProducedRow } from "../../catalog/derive/row-type";
import { dataHash } from "../../domain/data-hash";
import { isIsoDate } from "../../domain/et-date";
import { playerLookup } from "../../domain/player-lookup";
import { seasonYearForDate } from "../../domain/season";
import { tricodeForTeamId } from "../../domain/teams";
import { playerMovementSchema } from "../../scrapers/formats/nbac-player-movement";
import { FieldError } from "../base/field-error";
import { intField, stringField, type SourceRecord } from "../base/fields";
import { parseEach } from "../base/quarantine";
import { envelopeError } from "./envelope-error";
import type { RawParseContext, RawParseResult, RawProcessorDefinition } from "./raw-processor";

type MovementRow = ProducedRow<typeof nbacPlayerMovement>;

const HASH_FIELDS = ["player_id", "team_id", "transaction_date", "transaction_type", "group_sort", "additional_sort", "player_lookup", "transaction_description"];

/** "2025-07-16T00:00:00": the feed's dates carry a midnight time. */
const FEED_DATE = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}:\d{2}(\.\d+)?)?$/;

function transactionDate(record: SourceRecord): string {
  const v = record.TRANSACTION_DATE;
  const m = typeof v === "string" ? FEED_DATE.exec(v) : null;
  if (!m?.[1] || !isIsoDate(m[1])) throw new FieldError("TRANSACTION_DATE", v, "expected a date YYYY-MM-DD or YYYY-MM-DDT00:00:00");
  return m[1];
}

/**
 * The feed sends ids as floats (1610612749.0); JSON gives them as numbers, and a non-integral one is
 * an error, never rounded. PLAYER_ID 0 marks a team-only leg (draft considerations, cash).
 */
function toRow(record: SourceRecord, context: RawParseContext): MovementRow {
  const date = transactionDate(record);
  const playerId = intField(record, "PLAYER_ID", { min: 0 });
  const teamId = intField(record, "TEAM_ID", { min: 1 });
  const team = tricodeForTeamId(teamId);
  if (!team) throw new FieldError("TEAM_ID", record.TEAM_ID, "expected the NBA.com id of one of the 30 teams");
  let lookup: string | null = null;
  if (playerId > 0) {
    // The feed names players only by slug ("michael-porter-jr"); the shared key function normalises it.
    const slug = stringField(record, "PLAYER_SLUG");
    lookup = playerLookup(slug.replace(/-/g, " "));
    if (!lookup) throw new FieldError("PLAYER_SLUG", slug, "normalises to an empty player key");
  }
  const description = record.TRANSACTION_DESCRIPTION;
  if (description !== null && description !== undefined && typeof description !== "string") throw new FieldError("TRANSACTION_DESCRIPTION", description, "expected a string or null");
  const row: Omit<MovementRow, "data_hash"> = {
    transaction_date: date,
    season_year: seasonYearForDate(date),
    transaction_type: stringField(record, "Transaction_Type"),
    group_sort: stringField(record, "GroupSort"),
    player_id: playerId,
    player_full_name: null,
    player_lookup: lookup,
    team_id: teamId,
    team_abbr: team,
    transaction_description: description ?? null,
    additional_sort: intField(record, "Additional_Sort", { min: 0 }),
    data_source: "nbac_player_movement",
    source_file_path: context.objectUri,
    processed_at: context.processedAt,
    created_at: context.processedAt,
  };
  return { ...row, data_hash: dataHash(row, HASH_FIELDS) };
}

export function parsePlayerMovement(payload: unknown, context: RawParseContext): RawParseResult {
  const envelope = playerMovementSchema.safeParse(payload);
  if (!envelope.success) throw envelopeError(context.source, envelope.error);
  const items = envelope.data.NBA_Player_Movement.rows.map((record, index) => ({ record, index }));
  const describe = (i: (typeof items)[number]): string => `NBA_Player_Movement.rows[${i.index}] (${String(i.record.GroupSort)}, PLAYER_ID ${String(i.record.PLAYER_ID)}, TEAM_ID ${String(i.record.TEAM_ID)})`;
  const parsed = parseEach(items, context.source, describe, (i) => toRow(i.record, context));
  return { rows: parsed.rows, quarantined: parsed.quarantined, filtered: 0 };
}

export const nbacPlayerMovementProcessor: RawProcessorDefinition = {
  name: "nbac_player_movement",
  table: nbacPlayerMovement,
  scope: "date",
  parse: parsePlayerMovement,
};
