import { nbacTeamBoxscore } from "../../catalog/tables/nbac-team-boxscore";
import type { ProducedRow } from "../../catalog/derive/row-type";
import { dataHash } from "../../domain/data-hash";
import { errorMessage } from "../../domain/error-message";
import { MinutesFormatError, parseMinutes } from "../../domain/minutes";
import { findResultSet, nbaStatsEnvelopeSchema, rowObjects, type ResultSet } from "../../scrapers/formats/nba-stats-result-sets";
import { perGamePayloadsSchema } from "../../scrapers/formats/per-game-payloads";
import { FieldError } from "../base/field-error";
import { intField, matchField, nbaGameIdValue, stringField, tricodeField, type SourceRecord } from "../base/fields";
import { ProcessorError } from "../base/processor-error";
import { parseEach, type QuarantinedRecord } from "../base/quarantine";
import { envelopeError } from "./envelope-error";
import type { RawParseContext, RawParseResult, RawProcessorDefinition } from "./raw-processor";
import { requireSchedule, scheduledGameFor, type ScheduledGame } from "./scheduled-games";

type TeamRow = ProducedRow<typeof nbacTeamBoxscore>;

/** boxscore column → stat column (turnovers are TO here, TOV in leaguegamelog). */
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
  TO: "turnovers",
  PF: "personal_fouls",
} as const;

const PLAYER_HEADERS = ["GAME_ID", "TEAM_ID", "TEAM_ABBREVIATION", "PLAYER_ID", "PLAYER_NAME", "COMMENT", "MIN", "PLUS_MINUS", ...Object.keys(STATS)];
const TEAM_HEADERS = ["GAME_ID", "TEAM_ID", "TEAM_ABBREVIATION", "MIN", "PLUS_MINUS", ...Object.keys(STATS)];
const HASH_FIELDS = ["game_id", "team_abbr", "team_id", "is_home", "minutes", ...Object.values(STATS), "plus_minus"];

/** Team minutes as published: "240:00", "265:00" with one overtime. */
const TEAM_MINUTES = /^(\d{2,3}):([0-5]\d)$/;

function resultSet(context: RawParseContext, where: string, payload: ReturnType<typeof nbaStatsEnvelopeSchema.parse>, name: string, required: readonly string[]): ResultSet {
  let set: ResultSet;
  try {
    set = findResultSet(payload, name);
  } catch (err) {
    throw new ProcessorError("INPUT_INVALID", `${context.source}: ${where}: ${errorMessage(err)}; nothing was written`);
  }
  const missing = required.filter((h) => !set.headers.includes(h));
  if (missing.length > 0) throw new ProcessorError("INPUT_INVALID", `${context.source}: ${where}: ${name} lacks headers ${missing.join(", ")}; nothing was written`);
  return set;
}

/** A player line: "MM:SS" minutes and integer stats, or a DNP row (COMMENT, no minutes) whose stats are all null. Returns its points. */
function playerPoints(record: SourceRecord, gameId: string): { team: string; points: number } {
  if (record.GAME_ID !== gameId) throw new FieldError("GAME_ID", record.GAME_ID, `expected the payload's game ${gameId}`);
  const team = tricodeField(record, "TEAM_ABBREVIATION");
  intField(record, "TEAM_ID", { min: 1 });
  intField(record, "PLAYER_ID", { min: 1 });
  stringField(record, "PLAYER_NAME");
  let played: boolean;
  try {
    played = parseMinutes(record.MIN).played;
  } catch (err) {
    if (err instanceof MinutesFormatError) throw new FieldError("MIN", record.MIN, 'expected minutes as "MM:SS", or null for a player who did not play');
    throw err;
  }
  if (!played) {
    for (const field of [...Object.keys(STATS), "PLUS_MINUS"]) {
      const v = record[field];
      if (v !== null && v !== undefined && !(typeof v === "number" && Number.isInteger(v))) throw new FieldError(field, v, "expected an integer or null on a row without minutes");
    }
    return { team, points: typeof record.PTS === "number" ? record.PTS : 0 };
  }
  for (const field of Object.keys(STATS)) intField(record, field, { min: 0 });
  intField(record, "PLUS_MINUS");
  return { team, points: intField(record, "PTS", { min: 0 }) };
}

function teamRow(record: SourceRecord, game: ScheduledGame, playerPointsByTeam: ReadonlyMap<string, number>, context: RawParseContext): TeamRow {
  const nbaGameId = stringField(record, "GAME_ID");
  if (nbaGameId !== game.nbaGameId) throw new FieldError("GAME_ID", nbaGameId, `expected the payload's game ${game.nbaGameId}`);
  const team = tricodeField(record, "TEAM_ABBREVIATION");
  if (team !== game.homeTeam && team !== game.awayTeam) throw new FieldError("TEAM_ABBREVIATION", record.TEAM_ABBREVIATION, `expected ${game.awayTeam} or ${game.homeTeam} (the scheduled teams of ${game.gameId})`);
  const minutes = matchField(record, "MIN", TEAM_MINUTES, 'team minutes as "MMM:SS" (240:00, 265:00 with one overtime)')[0];
  const stats = Object.fromEntries(Object.entries(STATS).map(([src, col]) => [col, intField(record, src, { min: 0 })])) as Record<(typeof STATS)[keyof typeof STATS], number>;
  const playerSum = playerPointsByTeam.get(team) ?? 0;
  if (stats.points !== playerSum) throw new FieldError("PTS", stats.points, `expected the sum of the team's PlayerStats PTS (${playerSum})`);
  const row: Omit<TeamRow, "data_hash"> = {
    game_id: game.gameId,
    nba_game_id: nbaGameId,
    game_date: context.gameDate,
    season_year: nbaGameIdValue("GAME_ID", nbaGameId).seasonYear,
    team_abbr: team,
    team_id: intField(record, "TEAM_ID", { min: 1 }),
    is_home: team === game.homeTeam,
    minutes,
    ...stats,
    plus_minus: intField(record, "PLUS_MINUS"),
    data_source: "nbac_boxscore",
    source_file_path: context.objectUri,
    processed_at: context.processedAt,
    created_at: context.processedAt,
  };
  return { ...row, data_hash: dataHash(row, HASH_FIELDS) };
}

interface GameResult {
  readonly nbaGameId: string | null;
  readonly rows: TeamRow[];
  readonly quarantined: QuarantinedRecord[];
}

function parseGame(payload: unknown, index: number, schedule: readonly ScheduledGame[], context: RawParseContext): GameResult {
  const where = `[${index}]`;
  const envelope = nbaStatsEnvelopeSchema.safeParse(payload);
  if (!envelope.success) throw envelopeError(`${context.source} ${where}`, envelope.error);
  const players = rowObjects(resultSet(context, where, envelope.data, "PlayerStats", PLAYER_HEADERS));
  const teamSet = resultSet(context, where, envelope.data, "TeamStats", TEAM_HEADERS);
  const teams = rowObjects(teamSet);
  const gameIdValue = envelope.data.parameters.GameID ?? teams[0]?.record.GAME_ID;
  const nbaGameId = typeof gameIdValue === "string" ? gameIdValue : null;
  const playerPointsByTeam = new Map<string, number>();
  const describePlayer = (r: (typeof players)[number]): string =>
    `${where}.resultSets[PlayerStats].rowSet[${r.index}] (PLAYER_ID ${String(r.record.PLAYER_ID)}, PLAYER_NAME ${JSON.stringify(r.record.PLAYER_NAME)})`;
  const checked = parseEach(players, context.source, describePlayer, (r) => {
    if (r.lengthMismatch) throw new FieldError("(row)", r.record, "expected as many values as PlayerStats headers");
    const { team, points } = playerPoints(r.record, nbaGameId ?? "");
    playerPointsByTeam.set(team, (playerPointsByTeam.get(team) ?? 0) + points);
    return [];
  });
  const describeTeam = (r: (typeof teams)[number]): string => `${where}.resultSets[TeamStats].rowSet[${r.index}] (TEAM_ABBREVIATION ${JSON.stringify(r.record.TEAM_ABBREVIATION)}, GAME_ID ${String(r.record.GAME_ID)})`;
  const parsed = parseEach(teams, context.source, describeTeam, (r) => {
    if (r.lengthMismatch) throw new FieldError("(row)", r.record, `expected ${teamSet.headers.length} values like the headers`);
    const id = stringField(r.record, "GAME_ID");
    nbaGameIdValue("GAME_ID", id);
    return teamRow(r.record, scheduledGameFor(schedule, context.gameDate, "GAME_ID", id), playerPointsByTeam, context);
  });
  return { nbaGameId, rows: parsed.rows, quarantined: [...checked.quarantined, ...parsed.quarantined] };
}

/** A date's boxscore payloads (one per game) → two team rows per game, checked against their player lines. */
export function parseTeamBoxscores(payload: unknown, context: RawParseContext): RawParseResult {
  const games = perGamePayloadsSchema.safeParse(payload);
  if (!games.success) throw envelopeError(context.source, games.error);
  const schedule = requireSchedule("nbac_team_boxscore", context, games.data.length);
  const results = games.data.map((game, i) => parseGame(game, i, schedule, context));
  // The same game captured twice: the later file (name order) is the newer capture.
  const kept = results.filter((r, i) => r.nbaGameId === null || !results.slice(i + 1).some((later) => later.nbaGameId === r.nbaGameId));
  const dropped = results.filter((r) => !kept.includes(r));
  return {
    rows: kept.flatMap((r) => r.rows),
    quarantined: results.flatMap((r) => r.quarantined),
    filtered: dropped.reduce((n, r) => n + r.rows.length, 0),
  };
}

export const nbacTeamBoxscoreProcessor: RawProcessorDefinition = {
  name: "nbac_team_boxscore",
  table: nbacTeamBoxscore,
  scope: "date",
  coverage: "schedule_final_games",
  needsSchedule: true,
  parse: parseTeamBoxscores,
};
