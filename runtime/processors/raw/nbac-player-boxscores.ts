import { nbacPlayerBoxscores } from "../../catalog/tables/nbac-player-boxscores";
import type { ProducedRow } from "../../catalog/derive/row-type";
import { dataHash } from "../../domain/data-hash";
import { canonicalGameId } from "../../domain/game-id";
import { MinutesFormatError, parseMinutes } from "../../domain/minutes";
import { playerLookup } from "../../domain/player-lookup";
import { findResultSet, nbaStatsEnvelopeSchema, rowObjects } from "../../scrapers/formats/nba-stats-result-sets";
import { FieldError } from "../base/field-error";
import { dateField, intField, matchField, nbaGameIdValue, stringField, tricodeField, type SourceRecord } from "../base/fields";
import { ProcessorError } from "../base/processor-error";
import { parseEach } from "../base/quarantine";
import { envelopeError } from "./envelope-error";
import type { RawParseContext, RawParseResult, RawProcessorDefinition } from "./raw-processor";
import { errorMessage } from "../../domain/error-message";

type PlayerRow = ProducedRow<typeof nbacPlayerBoxscores>;

/** leaguegamelog column → stat column. */
const STATS = {
  PTS: "points",
  FGM: "field_goals_made",
  FGA: "field_goals_attempted",
  FG3M: "three_pointers_made",
  FG3A: "three_pointers_attempted",
  FTM: "free_throws_made",
  FTA: "free_throws_attempted",
  OREB: "offensive_rebounds",
  DREB: "defensive_rebounds",
  REB: "total_rebounds",
  AST: "assists",
  STL: "steals",
  BLK: "blocks",
  TOV: "turnovers",
  PF: "personal_fouls",
} as const;

const REQUIRED_HEADERS = ["PLAYER_ID", "PLAYER_NAME", "TEAM_ABBREVIATION", "GAME_ID", "GAME_DATE", "MATCHUP", "WL", "MIN", "PLUS_MINUS", ...Object.keys(STATS)];

const HASH_FIELDS = ["game_id", "player_lookup", "team_abbr", "minutes", ...Object.values(STATS), "plus_minus"];

/** "GSW vs. NYK": GSW at home; "IND @ MIL": IND away. */
const MATCHUP = /^([A-Z]{2,4}) (vs\.|@) ([A-Z]{2,4})$/;

function minutesOf(record: SourceRecord): ReturnType<typeof parseMinutes> {
  try {
    return parseMinutes(record.MIN);
  } catch (err) {
    if (err instanceof MinutesFormatError) throw new FieldError("MIN", record.MIN, "expected minutes as a whole number or MM:SS");
    throw err;
  }
}

function statOrNull(record: SourceRecord, field: string, played: boolean): number | null {
  if (!played && (record[field] === null || record[field] === undefined)) return null;
  return intField(record, field, { min: 0 });
}

function toRow(record: SourceRecord, context: RawParseContext): PlayerRow {
  const nbaGameId = stringField(record, "GAME_ID");
  const seasonYear = nbaGameIdValue("GAME_ID", nbaGameId).seasonYear;
  const gameDate = dateField(record, "GAME_DATE");
  if (gameDate !== context.gameDate) throw new FieldError("GAME_DATE", gameDate, `expected the requested date ${context.gameDate}`);
  const team = tricodeField(record, "TEAM_ABBREVIATION");
  const matchup = matchField(record, "MATCHUP", MATCHUP, '"TEAM vs. OPP" or "TEAM @ OPP"');
  const own = matchup[1] ?? "";
  const opponentRaw = matchup[3] ?? "";
  if (own !== team) throw new FieldError("MATCHUP", record.MATCHUP, `expected it to start with the player's team ${team}`);
  const opponent = tricodeField({ MATCHUP: opponentRaw }, "MATCHUP");
  const isHome = matchup[2] === "vs.";
  const name = stringField(record, "PLAYER_NAME");
  const lookup = playerLookup(name);
  if (!lookup) throw new FieldError("PLAYER_NAME", name, "normalises to an empty player key");
  const minutes = minutesOf(record);
  const wl = record.WL;
  if (wl !== null && wl !== "W" && wl !== "L") throw new FieldError("WL", wl, 'expected "W", "L" or null');
  const stats = Object.fromEntries(Object.entries(STATS).map(([src, col]) => [col, statOrNull(record, src, minutes.played)])) as Record<
    (typeof STATS)[keyof typeof STATS],
    number | null
  >;
  const plusMinus = record.PLUS_MINUS === null && !minutes.played ? null : intField(record, "PLUS_MINUS");
  const row: Omit<PlayerRow, "data_hash"> = {
    game_id: isHome ? canonicalGameId(gameDate, opponent, team) : canonicalGameId(gameDate, team, opponent),
    nba_game_id: nbaGameId,
    game_date: gameDate,
    season_year: seasonYear,
    team_abbr: team,
    opponent_team_abbr: opponent,
    is_home: isHome,
    nba_player_id: intField(record, "PLAYER_ID", { min: 1 }),
    player_full_name: name,
    player_lookup: lookup,
    starter: null,
    minutes: minutes.played ? minutes.text : null,
    minutes_decimal: minutes.played ? minutes.decimal : null,
    game_result: wl,
    ...stats,
    plus_minus: plusMinus,
    data_source: "nbac_leaguegamelog",
    source_file_path: context.objectUri,
    processed_at: context.processedAt,
    created_at: context.processedAt,
  };
  return { ...row, data_hash: dataHash(row, HASH_FIELDS) };
}

export function parseLeagueGameLog(payload: unknown, context: RawParseContext): RawParseResult {
  const envelope = nbaStatsEnvelopeSchema.safeParse(payload);
  if (!envelope.success) throw envelopeError(context.source, envelope.error);
  let set;
  try {
    set = findResultSet(envelope.data, "LeagueGameLog");
  } catch (err) {
    throw new ProcessorError("INPUT_INVALID", `${context.source}: ${errorMessage(err)}; nothing was written`);
  }
  const missing = REQUIRED_HEADERS.filter((h) => !set.headers.includes(h));
  if (missing.length > 0) throw new ProcessorError("INPUT_INVALID", `${context.source}: LeagueGameLog lacks headers ${missing.join(", ")}; nothing was written`);
  const records = rowObjects(set);
  const describe = (r: (typeof records)[number]): string =>
    `resultSets[LeagueGameLog].rowSet[${r.index}] (PLAYER_ID ${String(r.record.PLAYER_ID)}, PLAYER_NAME ${JSON.stringify(r.record.PLAYER_NAME)}, GAME_ID ${String(r.record.GAME_ID)})`;
  const parsed = parseEach(records, context.source, describe, (r) => {
    if (r.lengthMismatch) throw new FieldError("(row)", r.record, `expected ${set.headers.length} values like the headers`);
    return toRow(r.record, context);
  });
  return { rows: parsed.rows, quarantined: parsed.quarantined, filtered: 0 };
}

export const nbacPlayerBoxscoresProcessor: RawProcessorDefinition = {
  name: "nbac_player_boxscores",
  table: nbacPlayerBoxscores,
  scope: "date",
  coverage: "schedule_final_games",
  parse: parseLeagueGameLog,
};
