import type { ProducedRow } from "../../catalog/derive/row-type";
import { nbacInjuryReport } from "../../catalog/tables/nbac-injury-report";
import { nbacSchedule } from "../../catalog/tables/nbac-schedule";
import { oddsApiGameLines } from "../../catalog/tables/odds-api-game-lines";
import { playerGameSummary } from "../../catalog/tables/player-game-summary";
import { upcomingTeamGameContext } from "../../catalog/tables/upcoming-team-game-context";
import { milesBetweenArenas } from "../../domain/arenas";
import type { Warehouse } from "../../platform/ports/warehouse";
import { param, sql, tableRef } from "../../platform/sql/fragment";
import { readDeclared, rowsCounted, windowRange, type DayContext, type DeclaredInputsProcessor, type ProcessorResult, type ScheduleRow } from "../base/declared-inputs";
import { trackSource, trackingColumns } from "../base/source-tracking";
import { gameLinesFor, type GameLineRow } from "./game-lines";
import { OUT_STATUSES, latestInjuries, type InjuryRow } from "./injury-status";
import { sidesOf, teamScheduleContext } from "./team-schedule";

type ContextRow = ProducedRow<typeof upcomingTeamGameContext>;

/** Starts and games per player and team this season before the date (from player_game_summary). */
export interface StarterRecord {
  readonly team_abbr: string;
  readonly player_lookup: string;
  readonly starts: number;
  readonly games: number;
}

export interface TeamContextInputs {
  readonly seasonSchedule: readonly ScheduleRow[];
  readonly gameLines: readonly GameLineRow[];
  readonly injuries: readonly InjuryRow[];
  readonly starters: readonly StarterRecord[];
}

/** Days of injury reports read before the game date: reports for a game start the day before. */
const INJURY_LOOKBACK_DAYS = 2;

/** A regular starter started at least half of the team's games so far. */
export function regularStarters(records: readonly StarterRecord[], team: string, teamGames: number): Set<string> {
  return new Set(records.filter((r) => r.team_abbr === team && r.starts > 0 && r.starts * 2 >= teamGames).map((r) => r.player_lookup));
}

function toRow(game: ScheduleRow, side: ReturnType<typeof sidesOf>[number], inputs: TeamContextInputs, injuries: Map<string, InjuryRow>, day: DayContext): Omit<ContextRow, "data_hash"> {
  const ctx = teamScheduleContext(side.team, day.gameDate, inputs.seasonSchedule);
  const lines = gameLinesFor(inputs.gameLines, game.canonical_game_id, side.team, game.game_start_utc);
  const teamGames = inputs.seasonSchedule.filter((g) => g.game_date < day.gameDate && g.game_status === 3 && (g.home_team_tricode === side.team || g.away_team_tricode === side.team)).length;
  const starters = regularStarters(inputs.starters, side.team, teamGames);
  const teamInjuries = [...injuries.values()].filter((r) => r.team === side.team && r.game_id === game.canonical_game_id);
  const startersOut = teamInjuries.filter((r) => OUT_STATUSES.has(r.injury_status) && starters.has(r.player_lookup)).length;
  return {
    game_id: game.canonical_game_id,
    nba_game_id: game.game_id,
    game_date: day.gameDate,
    season_year: game.season_year,
    team_abbr: side.team,
    opponent_team_abbr: side.opponent,
    home_game: side.home,
    is_back_to_back: ctx.daysRest === null ? null : ctx.daysRest === 1,
    team_days_rest: ctx.daysRest,
    games_in_last_7_days: ctx.gamesInLast7Days,
    games_in_last_14_days: ctx.gamesInLast14Days,
    game_spread: lines.spread,
    game_total: lines.total,
    starters_out_count: inputs.injuries.length === 0 ? null : startersOut,
    team_win_streak_entering: ctx.winStreak,
    team_loss_streak_entering: ctx.lossStreak,
    travel_miles: ctx.previousArena === null ? null : milesBetweenArenas(ctx.previousArena, game.home_team_tricode),
    ...trackingColumns("source_schedule", trackSource([game], 1)),
    ...trackingColumns("source_game_lines", trackSource(inputs.gameLines.filter((l) => l.game_id === game.canonical_game_id), null)),
    ...trackingColumns("source_injury_report", trackSource(teamInjuries, null)),
    ...trackingColumns("source_player_game_summary", { last_updated: null, rows_found: inputs.starters.filter((s) => s.team_abbr === side.team).length, completeness_pct: null, hash: null }),
    processed_at: day.processedAt,
    created_at: day.processedAt,
  };
}

/** Two rows per scheduled game of the date (not only final ones: the context is pre-game). */
export function transformTeamContext(inputs: TeamContextInputs, day: DayContext): ProcessorResult<ContextRow> {
  const injuries = latestInjuries(inputs.injuries, day.gameDate);
  const games = day.schedule.filter((g) => g.postponed_status !== "Y");
  const rows = games.flatMap((game) => sidesOf(game).map((side) => toRow(game, side, inputs, injuries, day)));
  return { rows, expectedRows: games.length * 2 };
}

async function starterRecords(warehouse: Warehouse, gameDate: string): Promise<StarterRecord[]> {
  const { from, to } = windowRange({ kind: "season_before" }, gameDate);
  const rows = await warehouse.query(
    sql`SELECT team_abbr, player_lookup, COUNTIF(starter_flag) AS starts, COUNT(*) AS games FROM ${tableRef(playerGameSummary)}
WHERE game_date >= ${param("from_date", from, "DATE")} AND game_date <= ${param("to_date", to, "DATE")} AND is_dnp = FALSE
GROUP BY team_abbr, player_lookup`,
  );
  return rows.map((r) => ({ team_abbr: String(r.team_abbr), player_lookup: String(r.player_lookup), starts: Number(r.starts), games: Number(r.games) }));
}

export const upcomingTeamGameContextProcessor: DeclaredInputsProcessor<TeamContextInputs, ContextRow> = {
  name: "upcoming_team_game_context",
  table: upcomingTeamGameContext,
  inputs: {
    schedule: { table: nbacSchedule, window: { kind: "season_through" }, minRows: 1, criticality: "critical" },
    // Lines, injuries and history are context: a missing one leaves its columns NULL and lowers nothing.
    game_lines: { table: oddsApiGameLines, window: { kind: "day" }, minRows: 0, criticality: "soft" },
    injury_report: { table: nbacInjuryReport, window: { kind: "days_through", days: INJURY_LOOKBACK_DAYS }, minRows: 0, criticality: "soft" },
    player_game_summary: { table: playerGameSummary, window: { kind: "season_before" }, minRows: 0, criticality: "soft" },
  },
  async extract(warehouse, day) {
    return {
      seasonSchedule: await readDeclared(warehouse, day, "schedule", nbacSchedule),
      gameLines: await readDeclared(warehouse, day, "game_lines", oddsApiGameLines),
      injuries: await readDeclared(warehouse, day, "injury_report", nbacInjuryReport),
      starters: rowsCounted(day, "player_game_summary") === 0 ? [] : await starterRecords(warehouse, day.gameDate),
    };
  },
  transform: transformTeamContext,
};
