import { nbacPlayByPlay } from "../../catalog/tables/nbac-play-by-play";
import type { ProducedRow } from "../../catalog/derive/row-type";
import { dataHash } from "../../domain/data-hash";
import { parsePlayByPlay } from "../../scrapers/formats/nba-com-play-by-play";
import { firstIssue, perGamePayloadsSchema } from "../../scrapers/formats/per-game-payloads";
import { FieldError } from "../base/field-error";
import { intField, matchField, nbaGameIdValue, stringField, tricodeValue, type SourceRecord } from "../base/fields";
import { ProcessorError } from "../base/processor-error";
import { parseEach, type QuarantinedRecord } from "../base/quarantine";
import { envelopeError } from "./envelope-error";
import type { RawParseContext, RawParseResult, RawProcessorDefinition } from "./raw-processor";
import { resolveActionPlayer } from "./game-players";
import { requireSchedule, scheduledGameFor, type ScheduledGame } from "./scheduled-games";

type ActionRow = ProducedRow<typeof nbacPlayByPlay>;

/** Time remaining in the period as an ISO-8601 duration: "PT11M42.00S". */
const CLOCK = /^PT(\d{1,2})M(\d{1,2}(?:\.\d+)?)S$/;
const SHOT_TYPES: Readonly<Record<string, "2PT" | "3PT" | "FT">> = { "2pt": "2PT", "3pt": "3PT", freethrow: "FT" };
const HASH_FIELDS = [
  "game_id", "event_id", "period", "game_clock", "event_type", "event_action_type", "score_home", "score_away",
  "player_1_id", "player_2_id", "player_3_id", "player_1_lookup", "player_2_lookup", "player_3_lookup", "shot_made", "shot_type", "shot_distance", "shot_area",
];

/** Period length: 720 s for periods 1-4, 300 s for each overtime (DOMAIN §1.3; the original used 720 for overtime too). */
const periodSeconds = (period: number): number => (period <= 4 ? 720 : 300);
const pad2 = (n: number): string => String(n).padStart(2, "0");

/** Scores arrive as strings of digits ("108"); a whole number is accepted too, anything else is not a score. */
function score(record: SourceRecord, field: string): number {
  const v = record[field];
  if (typeof v === "string" && /^\d{1,3}$/.test(v)) return Number(v);
  if (typeof v === "number" && Number.isInteger(v) && v >= 0) return v;
  throw new FieldError(field, v, 'expected a score as a string of digits ("108")');
}

function optionalString(record: SourceRecord, field: string): string | null {
  const v = record[field];
  if (v === undefined || v === null) return null;
  if (typeof v !== "string") throw new FieldError(field, v, "expected a string");
  return v.trim() === "" ? null : v.trim();
}

/** The first of these name fields that holds text: names only help find a player, so a bad one is not an error. */
function nameOf(record: SourceRecord, fields: readonly string[]): string | null {
  for (const field of fields) {
    const v = record[field];
    if (typeof v === "string" && v.trim() !== "") return v;
  }
  return null;
}

function optionalPerson(record: SourceRecord, field: string): number | null {
  const v = record[field];
  if (v === undefined || v === null || v === 0) return null;
  return intField(record, field, { min: 1 });
}

function timestamp(record: SourceRecord, field: string): string | null {
  const v = record[field];
  if (v === undefined || v === null) return null;
  const ms = typeof v === "string" ? Date.parse(v) : NaN;
  if (Number.isNaN(ms)) throw new FieldError(field, v, "expected an ISO-8601 UTC timestamp");
  return new Date(ms).toISOString();
}

function shotFields(record: SourceRecord, eventType: string): Pick<ActionRow, "shot_made" | "shot_type" | "shot_distance" | "shot_area"> {
  const shotType = SHOT_TYPES[eventType];
  const isFieldGoal = record.isFieldGoal;
  if (isFieldGoal !== undefined && isFieldGoal !== 0 && isFieldGoal !== 1) throw new FieldError("isFieldGoal", isFieldGoal, "expected 0 or 1");
  if (!shotType) {
    if (isFieldGoal === 1) throw new FieldError("isFieldGoal", isFieldGoal, `expected 0 on a ${eventType} action`);
    return { shot_made: null, shot_type: null, shot_distance: null, shot_area: null };
  }
  if ((shotType === "FT") !== (isFieldGoal === 0)) throw new FieldError("isFieldGoal", isFieldGoal, `expected ${shotType === "FT" ? 0 : 1} on a ${eventType} action`);
  const result = record.shotResult;
  if (result !== "Made" && result !== "Missed") throw new FieldError("shotResult", result, `expected "Made" or "Missed" on a ${eventType} action`);
  const distance = record.shotDistance;
  if (distance !== undefined && distance !== null && (typeof distance !== "number" || !Number.isFinite(distance) || distance < 0)) {
    throw new FieldError("shotDistance", distance, "expected a distance in feet");
  }
  return {
    shot_made: result === "Made",
    shot_type: shotType,
    shot_distance: typeof distance === "number" ? distance : null,
    shot_area: shotType === "FT" ? null : optionalString(record, "area"),
  };
}

function actionRow(record: SourceRecord, game: ScheduledGame, context: RawParseContext): Omit<ActionRow, "data_hash"> {
  const period = intField(record, "period", { min: 1 });
  const clock = matchField(record, "clock", CLOCK, 'an ISO-8601 duration like "PT11M42.00S"');
  const minutes = Number(clock[1]);
  const seconds = Number(clock[2]);
  const remaining = minutes * 60 + seconds;
  if (remaining > periodSeconds(period)) throw new FieldError("clock", record.clock, `expected at most ${periodSeconds(period)} s left in period ${period}`);
  const eventType = stringField(record, "actionType");
  const team = record.teamTricode === undefined || record.teamTricode === null ? null : tricodeValue("teamTricode", record.teamTricode);
  if (team !== null && team !== game.homeTeam && team !== game.awayTeam) throw new FieldError("teamTricode", record.teamTricode, `expected ${game.awayTeam} or ${game.homeTeam} (the scheduled teams of ${game.gameId})`);
  const opponent = team === null ? null : team === game.homeTeam ? game.awayTeam : game.homeTeam;
  const assist = optionalPerson(record, "assistPersonId");
  const block = optionalPerson(record, "blockPersonId");
  const second = assist ?? block;
  const steal = optionalPerson(record, "stealPersonId");
  const actor = intField(record, "personId", { min: 0 });
  const team2 = second === null ? null : assist !== null ? team : opponent;
  const team3 = steal === null ? null : opponent;
  const lookup = (personId: number | null, playerTeam: string | null, ...nameFields: string[]): string | null =>
    resolveActionPlayer(context.gamePlayers, game.nbaGameId, playerTeam, personId, nameOf(record, nameFields));
  return {
    game_id: game.gameId,
    nba_game_id: game.nbaGameId,
    game_date: context.gameDate,
    season_year: nbaGameIdValue("gameId", game.nbaGameId).seasonYear,
    event_id: intField(record, "actionNumber", { min: 1 }),
    period,
    game_clock: `${pad2(minutes)}:${pad2(Math.floor(seconds))}`,
    game_clock_seconds: remaining,
    time_elapsed_seconds: Math.round((periodSeconds(period) - remaining) * 100) / 100,
    event_time_utc: timestamp(record, "timeActual"),
    event_type: eventType,
    event_action_type: optionalString(record, "subType"),
    score_home: score(record, "scoreHome"),
    score_away: score(record, "scoreAway"),
    // The live feed names players by initial only ("K. Leonard"): keys come from the game's box score players.
    player_1_id: actor === 0 ? null : actor,
    player_1_lookup: lookup(actor === 0 ? null : actor, team, "playerNameI", "playerName"),
    player_1_team_abbr: actor === 0 ? null : team,
    player_2_id: second,
    player_2_lookup: lookup(second, team2, assist !== null ? "assistPlayerNameInitial" : "blockPlayerName"),
    player_2_team_abbr: team2,
    player_3_id: steal,
    player_3_lookup: lookup(steal, team3, "stealPlayerName"),
    player_3_team_abbr: team3,
    ...shotFields(record, eventType),
    data_source: "nbac_play_by_play",
    source_file_path: context.objectUri,
    processed_at: context.processedAt,
    created_at: context.processedAt,
  };
}

function parseGame(payload: unknown, index: number, schedule: readonly ScheduledGame[], context: RawParseContext): { nbaGameId: string; rows: ActionRow[]; quarantined: QuarantinedRecord[] } {
  const parsed = parsePlayByPlay(payload);
  if (parsed.error) throw new ProcessorError("INPUT_INVALID", `${context.source}: payload ${firstIssue(parsed.error, `[${index}]`)}; nothing was written`);
  const { gameId, actions } = parsed.game;
  const describe = (item: { action: unknown; i: number }): string => {
    const a = item.action as SourceRecord | null;
    return `[${index}].game.actions[${item.i}] (gameId ${gameId}, actionNumber ${String(a?.actionNumber)})`;
  };
  const result = parseEach(
    actions.map((action, i) => ({ action, i })),
    context.source,
    describe,
    ({ action }) => {
      if (typeof action !== "object" || action === null || Array.isArray(action)) throw new FieldError("(action)", action, "expected an object");
      nbaGameIdValue("gameId", gameId);
      const row = actionRow(action as SourceRecord, scheduledGameFor(schedule, context.gameDate, "gameId", gameId), context);
      return { ...row, data_hash: dataHash(row, HASH_FIELDS) };
    },
  );
  return { nbaGameId: gameId, rows: result.rows, quarantined: result.quarantined };
}

/** A date's play-by-play payloads (one per game) → one row per action. */
export function parsePlayByPlays(payload: unknown, context: RawParseContext): RawParseResult {
  const games = perGamePayloadsSchema.safeParse(payload);
  if (!games.success) throw envelopeError(context.source, games.error);
  const schedule = requireSchedule("nbac_play_by_play", context, games.data.length);
  const results = games.data.map((game, i) => parseGame(game, i, schedule, context));
  // The same game captured twice: the later file (name order) is the newer capture.
  const kept = results.filter((r, i) => !results.slice(i + 1).some((later) => later.nbaGameId === r.nbaGameId));
  const dropped = results.filter((r) => !kept.includes(r));
  return {
    rows: kept.flatMap((r) => r.rows),
    quarantined: results.flatMap((r) => r.quarantined),
    filtered: dropped.reduce((n, r) => n + r.rows.length, 0),
  };
}

export const nbacPlayByPlayProcessor: RawProcessorDefinition = {
  name: "nbac_play_by_play",
  table: nbacPlayByPlay,
  scope: "date",
  coverage: "schedule_final_games",
  needsSchedule: true,
  needsGamePlayers: true,
  parse: parsePlayByPlays,
};
