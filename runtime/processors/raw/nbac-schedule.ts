import { nbacSchedule } from "../../catalog/tables/nbac-schedule";
import type { ProducedRow } from "../../catalog/derive/row-type";
import { dataHash } from "../../domain/data-hash";
import { isIsoDate } from "../../domain/et-date";
import { canonicalGameId, type NbaGameType } from "../../domain/game-id";
import { seasonLabel } from "../../domain/season";
import { scheduleGameSchema, scheduleGames, schedulePayloadSchema, type ScheduleGame } from "../../scrapers/formats/nba-com-schedule";
import { FieldError } from "../base/field-error";
import { nbaGameIdValue, tricodeValue } from "../base/fields";
import { parseEach } from "../base/quarantine";
import { envelopeError } from "./envelope-error";
import type { RawParseContext, RawParseResult, RawProcessorDefinition } from "./raw-processor";

type ScheduleRow = ProducedRow<typeof nbacSchedule>;

/** Regular season (incl. Cup games), play-in and playoffs are stored; preseason, All-Star and the Cup final are not. */
const STORED_TYPES: ReadonlySet<NbaGameType> = new Set(["regular_season", "play_in", "playoffs"]);

const HASH_FIELDS = ["game_id", "game_date", "game_status", "home_team_tricode", "away_team_tricode", "home_team_score", "away_team_score", "game_start_utc"];

function timestamp(value: unknown, field: string): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value !== "string" || Number.isNaN(Date.parse(value))) throw new FieldError(field, value, "expected an ISO-8601 timestamp");
  return new Date(value).toISOString();
}

function score(value: unknown, field: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) throw new FieldError(field, value, "expected a non-negative integer score");
  return value;
}

function toRow(game: ScheduleGame, context: RawParseContext): ScheduleRow | null {
  const parsedId = nbaGameIdValue("gameId", game.gameId);
  if (!STORED_TYPES.has(parsedId.gameType)) return null;
  // gameDateEst carries the Eastern calendar date despite its Z: take the literal date part.
  const gameDate = game.gameDateEst.slice(0, 10);
  if (!isIsoDate(gameDate)) throw new FieldError("gameDateEst", game.gameDateEst, "expected YYYY-MM-DDT..., the ET game date");
  if (![1, 2, 3].includes(game.gameStatus)) throw new FieldError("gameStatus", game.gameStatus, "expected 1 (scheduled), 2 (live) or 3 (final)");
  const home = tricodeValue("homeTeam.teamTricode", game.homeTeam.teamTricode);
  const away = tricodeValue("awayTeam.teamTricode", game.awayTeam.teamTricode);
  // NBA.com publishes 0-0 before tip; a score only means something once the game has started.
  const started = game.gameStatus !== 1;
  const homeScore = started ? score(game.homeTeam.score, "homeTeam.score") : null;
  const awayScore = started ? score(game.awayTeam.score, "awayTeam.score") : null;
  let winner: string | null = null;
  if (game.gameStatus === 3 && homeScore !== null && awayScore !== null) {
    if (homeScore === awayScore) throw new FieldError("homeTeam.score", homeScore, "a final game cannot be tied");
    winner = homeScore > awayScore ? home : away;
  }
  const row: Omit<ScheduleRow, "data_hash"> = {
    game_id: game.gameId,
    canonical_game_id: canonicalGameId(gameDate, away, home),
    game_code: game.gameCode ?? null,
    season_nba_format: seasonLabel(parsedId.seasonYear),
    season_year: parsedId.seasonYear,
    game_date: gameDate,
    game_date_est: timestamp(game.gameDateTimeEst, "gameDateTimeEst"),
    game_start_utc: timestamp(game.gameDateTimeUTC, "gameDateTimeUTC"),
    game_status: game.gameStatus,
    game_status_text: game.gameStatusText ?? null,
    game_type: parsedId.gameType,
    game_label: game.gameLabel ?? null,
    home_team_id: game.homeTeam.teamId,
    home_team_tricode: home,
    away_team_id: game.awayTeam.teamId,
    away_team_tricode: away,
    home_team_score: homeScore,
    away_team_score: awayScore,
    winning_team_tricode: winner,
    is_regular_season: parsedId.gameType === "regular_season",
    is_playoffs: parsedId.gameType === "playoffs",
    is_play_in: parsedId.gameType === "play_in",
    is_emirates_cup: parsedId.gameType === "regular_season" && (game.gameLabel ?? "").includes("NBA Cup"),
    postponed_status: game.postponedStatus ?? null,
    data_source: "nbac_schedule_api",
    source_file_path: context.objectUri,
    processed_at: context.processedAt,
    created_at: context.processedAt,
  };
  return { ...row, data_hash: dataHash(row, HASH_FIELDS) };
}

export function parseSchedulePayload(payload: unknown, context: RawParseContext): RawParseResult {
  const envelope = schedulePayloadSchema.safeParse(payload);
  if (!envelope.success) throw envelopeError(context.source, envelope.error);
  const games = scheduleGames(envelope.data);
  let filtered = 0;
  const describe = (g: (typeof games)[number]): string => {
    const id = (g.raw as { gameId?: unknown } | null)?.gameId;
    return `leagueSchedule.gameDates[${g.dateIndex}] game ${g.index}${typeof id === "string" ? ` (gameId ${id})` : ""}`;
  };
  const parsed = parseEach(games, context.source, describe, (g) => {
    const game = scheduleGameSchema.safeParse(g.raw);
    if (!game.success) {
      const issue = game.error.issues[0];
      const path = issue?.path.join(".") ?? "?";
      throw new FieldError(path, pick(g.raw, issue?.path ?? []), issue?.message ?? "invalid");
    }
    const row = toRow(game.data, context);
    if (!row) {
      filtered += 1;
      return [];
    }
    return row;
  });
  return { rows: parsed.rows, quarantined: parsed.quarantined, filtered };
}

function pick(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value;
  for (const key of path) v = v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

export const nbacScheduleProcessor: RawProcessorDefinition = {
  name: "nbac_schedule",
  table: nbacSchedule,
  scope: "season",
  parse: parseSchedulePayload,
};
