import { nbacSchedule } from "../../catalog/tables/nbac-schedule";
import { param, sql, tableRef } from "../../platform/sql/fragment";
import type { Warehouse } from "../../platform/ports/warehouse";
import { FieldError } from "../base/field-error";
import { ProcessorError } from "../base/processor-error";
import type { RawParseContext } from "./raw-processor";

/**
 * A game of the stored schedule, as the per-game raw processors need it: the payloads of the box
 * score and play-by-play feeds do not say which team was at home, the schedule does (DOMAIN §2
 * maps the two id formats there too).
 */
export interface ScheduledGame {
  readonly nbaGameId: string;
  /** Canonical YYYYMMDD_AWAY_HOME. */
  readonly gameId: string;
  readonly homeTeam: string;
  readonly awayTeam: string;
  readonly gameStatus: number;
  readonly homeScore: number | null;
  readonly awayScore: number | null;
}

const nullableNumber = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** One nba_raw.nbac_schedule row (as stored, or as the schedule parser produces it) as a ScheduledGame. */
export function scheduledGameFromRow(row: Readonly<Record<string, unknown>>): ScheduledGame {
  return {
    nbaGameId: String(row.game_id),
    gameId: String(row.canonical_game_id),
    homeTeam: String(row.home_team_tricode),
    awayTeam: String(row.away_team_tricode),
    gameStatus: Number(row.game_status),
    homeScore: nullableNumber(row.home_team_score),
    awayScore: nullableNumber(row.away_team_score),
  };
}

/** The stored schedule's games of an ET date, in NBA id order: one statement for both the parse and the coverage check. */
export async function scheduledGames(warehouse: Warehouse, gameDate: string): Promise<ScheduledGame[]> {
  const rows = await warehouse.query(
    sql`SELECT game_id, canonical_game_id, home_team_tricode, away_team_tricode, game_status, home_team_score, away_team_score
        FROM ${tableRef(nbacSchedule)} WHERE game_date = ${param("game_date", gameDate, "DATE")} ORDER BY game_id`,
  );
  return rows.map(scheduledGameFromRow);
}

/** The scheduled game with this NBA id; a game the schedule does not hold for the date quarantines the record. */
export function scheduledGameFor(schedule: readonly ScheduledGame[], gameDate: string, field: string, nbaGameId: string): ScheduledGame {
  const game = schedule.find((g) => g.nbaGameId === nbaGameId);
  if (!game) throw new FieldError(field, nbaGameId, `not a game of ${gameDate} in the stored schedule`);
  return game;
}

/**
 * The schedule a needsSchedule processor was given; its absence is a wiring bug, not bad data. Games
 * on a date the stored schedule has nothing for fail the run once (load the schedule first),
 * rather than quarantining every record.
 */
export function requireSchedule(processor: string, context: RawParseContext, payloadGames: number): readonly ScheduledGame[] {
  if (!context.schedule) throw new Error(`raw processor ${processor} needs the date's schedule in its parse context`);
  if (context.schedule.length === 0 && payloadGames > 0) {
    throw new ProcessorError(
      "INPUT_INVALID",
      `${context.source}: ${payloadGames} game(s) but the stored schedule holds no game on ${context.gameDate}, so home and away are unknown; load nbac_schedule for that season first; nothing was written`,
    );
  }
  return context.schedule;
}
