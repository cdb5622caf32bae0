import { nbacScoreboardV2 } from "../../catalog/tables/nbac-scoreboard-v2";
import type { ProducedRow } from "../../catalog/derive/row-type";
import { dataHash } from "../../domain/data-hash";
import { errorMessage } from "../../domain/error-message";
import { canonicalGameId } from "../../domain/game-id";
import { findResultSet, nbaStatsEnvelopeSchema, rowObjects, type ResultSet } from "../../scrapers/formats/nba-stats-result-sets";
import { FieldError } from "../base/field-error";
import { intField, matchField, nbaGameIdValue, stringField, tricodeField, type SourceRecord } from "../base/fields";
import { ProcessorError } from "../base/processor-error";
import { parseEach } from "../base/quarantine";
import { envelopeError } from "./envelope-error";
import type { RawParseContext, RawParseResult, RawProcessorDefinition } from "./raw-processor";

type GameRow = ProducedRow<typeof nbacScoreboardV2>;

const HEADER_COLUMNS = ["GAME_DATE_EST", "GAME_SEQUENCE", "GAME_ID", "GAME_STATUS_ID", "GAME_STATUS_TEXT", "GAMECODE", "HOME_TEAM_ID", "VISITOR_TEAM_ID", "SEASON", "LIVE_PERIOD", "LIVE_PC_TIME"];
const QUARTERS = ["PTS_QTR1", "PTS_QTR2", "PTS_QTR3", "PTS_QTR4"];
const OVERTIMES = Array.from({ length: 10 }, (_, i) => `PTS_OT${i + 1}`);
const LINE_COLUMNS = ["GAME_ID", "TEAM_ID", "TEAM_ABBREVIATION", "PTS", ...QUARTERS];
const HASH_FIELDS = [
  "game_id", "game_status", "game_status_text", "period", "live_clock", "home_team_abbr", "away_team_abbr",
  "home_team_score", "away_team_score", "home_period_points", "away_period_points",
];

/** "2025-01-15T00:00:00": the ET date at midnight. */
const GAME_DATE_EST = /^(\d{4}-\d{2}-\d{2})T00:00:00$/;
/** The season's start year as a string: "2024". */
const SEASON = /^(\d{4})$/;

function set(envelope: ReturnType<typeof nbaStatsEnvelopeSchema.parse>, name: string, required: readonly string[], context: RawParseContext): ResultSet {
  let found: ResultSet;
  try {
    found = findResultSet(envelope, name);
  } catch (err) {
    throw new ProcessorError("INPUT_INVALID", `${context.source}: ${errorMessage(err)}; nothing was written`);
  }
  const missing = required.filter((h) => !found.headers.includes(h));
  if (missing.length > 0) throw new ProcessorError("INPUT_INVALID", `${context.source}: ${name} lacks headers ${missing.join(", ")}; nothing was written`);
  return found;
}

function nullableInt(record: SourceRecord, field: string): number | null {
  const v = record[field];
  return v === null || v === undefined ? null : intField(record, field, { min: 0 });
}

/** Points per period played: Q1-Q4 (a live game: up to its period), then each overtime reached; empty before tip. */
function periodPoints(line: SourceRecord, periods: number): number[] {
  const quarters = QUARTERS.map((f) => nullableInt(line, f));
  if (quarters.every((q) => q === null)) return [];
  const out: number[] = [];
  for (const [i, field] of [...QUARTERS, ...OVERTIMES].entries()) {
    if (i >= periods) break;
    const v = nullableInt(line, field);
    if (v === null) throw new FieldError(field, line[field], `expected the points of period ${i + 1}`);
    out.push(v);
  }
  return out;
}

function lineFor(lines: readonly { record: SourceRecord }[], gameId: string, teamId: number, side: "HOME_TEAM_ID" | "VISITOR_TEAM_ID"): SourceRecord {
  const line = lines.find((l) => l.record.GAME_ID === gameId && l.record.TEAM_ID === teamId);
  if (!line) throw new FieldError(side, teamId, `no LineScore row for team ${teamId} in game ${gameId}`);
  return line.record;
}

function gameRow(header: SourceRecord, lines: readonly { record: SourceRecord }[], context: RawParseContext): GameRow {
  const nbaGameId = stringField(header, "GAME_ID");
  const parsedId = nbaGameIdValue("GAME_ID", nbaGameId);
  const gameDate = matchField(header, "GAME_DATE_EST", GAME_DATE_EST, 'the ET date at midnight, "YYYY-MM-DDT00:00:00"')[1] ?? "";
  if (gameDate !== context.gameDate) throw new FieldError("GAME_DATE_EST", header.GAME_DATE_EST, `expected the requested date ${context.gameDate}`);
  const seasonYear = Number(matchField(header, "SEASON", SEASON, 'the season start year as a string ("2024")')[1]);
  if (seasonYear !== parsedId.seasonYear) throw new FieldError("SEASON", header.SEASON, `expected ${parsedId.seasonYear}, the season of game ${nbaGameId}`);
  const status = intField(header, "GAME_STATUS_ID", { min: 1 });
  if (status > 3) throw new FieldError("GAME_STATUS_ID", status, "expected 1 (scheduled), 2 (live) or 3 (final)");
  const homeId = intField(header, "HOME_TEAM_ID", { min: 1 });
  const awayId = intField(header, "VISITOR_TEAM_ID", { min: 1 });
  const home = lineFor(lines, nbaGameId, homeId, "HOME_TEAM_ID");
  const away = lineFor(lines, nbaGameId, awayId, "VISITOR_TEAM_ID");
  const homeAbbr = tricodeField(home, "TEAM_ABBREVIATION");
  const awayAbbr = tricodeField(away, "TEAM_ABBREVIATION");
  const period = nullableInt(header, "LIVE_PERIOD");
  const homeScore = nullableInt(home, "PTS");
  const awayScore = nullableInt(away, "PTS");
  if (status === 3 && (homeScore === null || awayScore === null)) throw new FieldError("PTS", homeScore ?? awayScore, "expected both teams' points on a final game");
  const played = status === 3 ? Math.max(4, period ?? 0) : (period ?? 0);
  const homePeriods = periodPoints(home, played);
  const awayPeriods = periodPoints(away, played);
  if (homeScore !== null && homePeriods.length > 0 && homePeriods.reduce((a, b) => a + b, 0) !== homeScore) {
    throw new FieldError("PTS", homeScore, `expected the sum of ${homeAbbr}'s period points (${homePeriods.join("+")})`);
  }
  if (awayScore !== null && awayPeriods.length > 0 && awayPeriods.reduce((a, b) => a + b, 0) !== awayScore) {
    throw new FieldError("PTS", awayScore, `expected the sum of ${awayAbbr}'s period points (${awayPeriods.join("+")})`);
  }
  const text = (field: string): string | null => {
    const v = header[field];
    if (v === null || v === undefined) return null;
    if (typeof v !== "string") throw new FieldError(field, v, "expected a string");
    return v.trim() === "" ? null : v.trim();
  };
  const row: Omit<GameRow, "data_hash"> = {
    game_id: canonicalGameId(gameDate, awayAbbr, homeAbbr),
    nba_game_id: nbaGameId,
    game_date: gameDate,
    season_year: seasonYear,
    game_code: text("GAMECODE"),
    game_sequence: nullableInt(header, "GAME_SEQUENCE"),
    game_status: status,
    game_status_text: text("GAME_STATUS_TEXT"),
    period,
    live_clock: text("LIVE_PC_TIME"),
    home_team_id: homeId,
    home_team_abbr: homeAbbr,
    away_team_id: awayId,
    away_team_abbr: awayAbbr,
    home_team_score: homeScore,
    away_team_score: awayScore,
    home_period_points: homePeriods,
    away_period_points: awayPeriods,
    data_source: "nbac_scoreboard_v2",
    source_file_path: context.objectUri,
    processed_at: context.processedAt,
    created_at: context.processedAt,
  };
  return { ...row, data_hash: dataHash(row, HASH_FIELDS) };
}

/** scoreboardV2 → one row per GameHeader game, with its two LineScore rows (result sets found by name). */
export function parseScoreboardV2(payload: unknown, context: RawParseContext): RawParseResult {
  const envelope = nbaStatsEnvelopeSchema.safeParse(payload);
  if (!envelope.success) throw envelopeError(context.source, envelope.error);
  const headerSet = set(envelope.data, "GameHeader", HEADER_COLUMNS, context);
  const lines = rowObjects(set(envelope.data, "LineScore", LINE_COLUMNS, context));
  const headers = rowObjects(headerSet);
  const describe = (r: (typeof headers)[number]): string => `resultSets[GameHeader].rowSet[${r.index}] (GAME_ID ${String(r.record.GAME_ID)}, GAMECODE ${JSON.stringify(r.record.GAMECODE)})`;
  const parsed = parseEach(headers, context.source, describe, (r) => {
    if (r.lengthMismatch) throw new FieldError("(row)", r.record, `expected ${headerSet.headers.length} values like the headers`);
    return gameRow(r.record, lines, context);
  });
  return { rows: parsed.rows, quarantined: parsed.quarantined, filtered: 0 };
}

export const nbacScoreboardV2Processor: RawProcessorDefinition = {
  name: "nbac_scoreboard_v2",
  table: nbacScoreboardV2,
  scope: "date",
  parse: parseScoreboardV2,
};
