import type { ProducedRow, RowOf } from "../../catalog/derive/row-type";
import { tableView } from "../../catalog/derive/table-view";
import { nbacInjuryReport } from "../../catalog/tables/nbac-injury-report";
import { nbacSchedule } from "../../catalog/tables/nbac-schedule";
import { nbacTeamRosters } from "../../catalog/tables/nbac-team-rosters";
import { oddsApiGameLines } from "../../catalog/tables/odds-api-game-lines";
import { oddsApiPlayerPointsProps } from "../../catalog/tables/odds-api-player-points-props";
import { playerGameSummary } from "../../catalog/tables/player-game-summary";
import { teamOffenseGameSummary } from "../../catalog/tables/team-offense-game-summary";
import { upcomingPlayerGameContext } from "../../catalog/tables/upcoming-player-game-context";
import { addDays } from "../../domain/et-date";
import { readDeclared, rowsCounted, type DayContext, type DeclaredInputsProcessor, type ProcessorResult, type ScheduleRow } from "../base/declared-inputs";
import { readWindow } from "../base/read-window";
import { trackSource, trackingColumns } from "../base/source-tracking";
import { round } from "./formulas";
import { gameLinesFor, type GameLineRow } from "./game-lines";
import { groupBy } from "./group-by";
import { OUT_STATUSES, latestInjuries, type InjuryRow } from "./injury-status";
import { isStar, playedGames, playerLoad, teamPaceLast10, type PlayedGame } from "./player-history";
import { propLineFor, type BettingProsPropRow, type OddsPropRow, bettingProsLines } from "./prop-lines";
import { sidesOf, teamScheduleContext } from "./team-schedule";

type ContextRow = ProducedRow<typeof upcomingPlayerGameContext>;
/** The roster columns the slate uses: a two-week window of every team's rosters is read per date. */
const slateRosters = tableView(nbacTeamRosters, ["roster_date", "team_abbr", "player_full_name", "player_lookup", "birth_date"]);
type RosterRow = RowOf<typeof slateRosters>;
type SummaryRow = ProducedRow<typeof playerGameSummary>;

/** One expected player of the slate: from the day's player lines (backfill) or the latest rosters (daily). */
export interface SlatePlayer {
  readonly player_lookup: string;
  readonly player_full_name: string | null;
  readonly team_abbr: string;
  readonly birth_date: string | null;
}

export interface PlayerContextInputs {
  readonly mode: "daily" | "backfill";
  readonly slate: readonly SlatePlayer[];
  readonly seasonSchedule: readonly ScheduleRow[];
  /** Newest 10 and last-14-day games per player (and per injured teammate), newest first. */
  readonly history: readonly PlayedGame[];
  readonly teamPace: ReadonlyMap<string, number>;
  readonly injuries: readonly InjuryRow[];
  readonly oddsProps: readonly OddsPropRow[];
  readonly bettingProsProps: readonly BettingProsPropRow[];
  readonly gameLines: readonly GameLineRow[];
}

/** Rosters are read back this far for the latest one per team; injury reports from the day before. */
const ROSTER_LOOKBACK_DAYS = 14;
const INJURY_LOOKBACK_DAYS = 2;
/** DOMAIN §4.6: an entity is production-ready at 70% of its expected games. */
const PRODUCTION_READY_PCT = 70;

function ageOn(birthDate: string | null, gameDate: string): number | null {
  if (birthDate === null) return null;
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [gy, gm, gd] = gameDate.split("-").map(Number) as [number, number, number];
  return gy - by - (gm < bm || (gm === bm && gd < bd) ? 1 : 0);
}

const fraction = (found: number, expected: number): number | null => (expected === 0 ? null : round(Math.min(found, expected) / expected, 3));

/**
 * One row per expected player of each scheduled game: rest and load, recent form, the prop line
 * and game lines, pace differential, teammates out, and how complete the player's history is
 * against the team's schedule (never against calendar days).
 */
export function transformPlayerContext(inputs: PlayerContextInputs, day: DayContext): ProcessorResult<ContextRow> {
  const history = groupBy(inputs.history, (g) => g.player_lookup);
  const injuries = latestInjuries(inputs.injuries, day.gameDate);
  const odds = groupBy(inputs.oddsProps, (r) => `${r.game_id}|${r.player_lookup}`);
  const bp = groupBy(inputs.bettingProsProps, (r) => r.player_lookup);
  const slate = groupBy(inputs.slate, (p) => p.team_abbr);
  const rows: Omit<ContextRow, "data_hash">[] = [];
  const missing: string[] = [];
  const games = day.schedule.filter((g) => g.postponed_status !== "Y");
  for (const game of games) {
    for (const side of sidesOf(game)) {
      const players = slate.get(side.team) ?? [];
      if (players.length === 0) {
        missing.push(`no expected players for ${side.team} in ${game.canonical_game_id}`);
        continue;
      }
      const teamGames = inputs.seasonSchedule.filter((g) => g.game_date < day.gameDate && g.game_status === 3 && (g.home_team_tricode === side.team || g.away_team_tricode === side.team));
      const teamDates = teamGames.map((g) => g.game_date).sort().reverse();
      const teamDays = (n: number): number => teamDates.filter((d) => d > addDays(day.gameDate, -n)).length;
      const opponent = teamScheduleContext(side.opponent, day.gameDate, inputs.seasonSchedule);
      const teamPace = inputs.teamPace.get(side.team);
      const oppPace = inputs.teamPace.get(side.opponent);
      const lines = gameLinesFor(inputs.gameLines, game.canonical_game_id, side.team, game.game_start_utc);
      const teamInjuries = [...injuries.values()].filter((r) => r.team === side.team && r.game_id === game.canonical_game_id);
      const starsOut = teamInjuries.filter((r) => OUT_STATUSES.has(r.injury_status) && isStar(history.get(r.player_lookup) ?? [], day.gameDate));
      for (const player of players) {
        const own = history.get(player.player_lookup) ?? [];
        const load = playerLoad(own, day.gameDate);
        const line = propLineFor(odds.get(`${game.canonical_game_id}|${player.player_lookup}`) ?? [], (bp.get(player.player_lookup) ?? []).filter((r) => r.game_id === null || r.game_id === game.canonical_game_id), game.game_start_utc);
        const playerDates = new Set(load.gameDates);
        const lastN = (n: number): number | null => fraction(teamDates.slice(0, n).filter((d) => playerDates.has(d)).length, Math.min(n, teamDates.length));
        const inDays = (n: number): number => load.gameDates.filter((d) => d > addDays(day.gameDate, -n)).length;
        const completeness = teamGames.length === 0 ? null : round((Math.min(load.seasonGames, teamGames.length) / teamGames.length) * 100, 2);
        rows.push({
          game_id: game.canonical_game_id,
          nba_game_id: game.game_id,
          game_date: day.gameDate,
          season_year: game.season_year,
          player_lookup: player.player_lookup,
          universal_player_id: null,
          player_full_name: player.player_full_name,
          team_abbr: side.team,
          opponent_team_abbr: side.opponent,
          home_game: side.home,
          processing_mode: inputs.mode,
          back_to_back: load.daysRest === null ? null : load.daysRest === 1,
          has_prop_line: line !== null,
          current_points_line: line ? line.points_line : null,
          opening_points_line: line ? line.opening_line : null,
          line_movement: line && line.opening_line !== null ? round(line.points_line - line.opening_line, 2) : null,
          points_line_source: line ? line.source : null,
          game_spread: lines.spread,
          game_total: lines.total,
          pace_differential: teamPace !== undefined && oppPace !== undefined ? round(teamPace - oppPace, 2) : null,
          opponent_pace_last_10: oppPace !== undefined ? round(oppPace, 2) : null,
          days_rest: load.daysRest,
          opponent_days_rest: opponent.daysRest,
          games_in_last_7_days: load.gamesLast7,
          games_in_last_14_days: load.gamesLast14,
          minutes_in_last_7_days: load.minutesLast7,
          minutes_in_last_14_days: load.minutesLast14,
          avg_minutes_per_game_last_7: load.avgMinutesLast7,
          back_to_backs_last_14_days: load.backToBacksLast14,
          avg_usage_rate_last_7_games: load.avgUsageLast7Games,
          // The player's recent usage is the expectation for this game (the original never filled it).
          projected_usage_rate: load.usageLast10Games,
          player_age: ageOn(player.birth_date, day.gameDate),
          points_avg_last_5: load.pointsAvgLast5,
          points_avg_last_10: load.pointsAvgLast10,
          star_teammates_out: inputs.injuries.length === 0 ? null : starsOut.filter((r) => r.player_lookup !== player.player_lookup).length,
          player_status: injuries.get(`${game.canonical_game_id}|${player.player_lookup}`)?.injury_status ?? null,
          last_5_games_completeness_pct: lastN(5),
          last_10_games_completeness_pct: lastN(10),
          last_7_days_completeness_pct: fraction(inDays(7), teamDays(7)),
          last_14_days_completeness_pct: fraction(inDays(14), teamDays(14)),
          expected_games_count: teamGames.length,
          actual_games_count: load.seasonGames,
          completeness_percentage: completeness,
          is_production_ready: completeness !== null && completeness >= PRODUCTION_READY_PCT,
          ...trackingColumns("source_schedule", trackSource([game], 1)),
          ...trackingColumns("source_team_rosters", { last_updated: null, rows_found: inputs.mode === "daily" ? players.length : 0, completeness_pct: null, hash: null }),
          ...trackingColumns("source_injury_report", trackSource(teamInjuries, null)),
          ...trackingColumns("source_odds_props", trackSource(odds.get(`${game.canonical_game_id}|${player.player_lookup}`) ?? [], null)),
          ...trackingColumns("source_bettingpros_props", trackSource(bp.get(player.player_lookup) ?? [], null)),
          ...trackingColumns("source_game_lines", trackSource(inputs.gameLines.filter((l) => l.game_id === game.canonical_game_id), null)),
          ...trackingColumns("source_player_game_summary", { last_updated: null, rows_found: own.length, completeness_pct: completeness, hash: null }),
          ...trackingColumns("source_team_offense", { last_updated: null, rows_found: teamPace === undefined ? 0 : 1, completeness_pct: null, hash: null }),
          processed_at: day.processedAt,
          created_at: day.processedAt,
        });
      }
    }
  }
  return { rows, expectedRows: rows.length + missing.length, missing };
}

/** The latest roster per team (roster_date at or before the date). */
function latestRosters(rows: readonly RosterRow[]): RosterRow[] {
  const newest = new Map<string, string>();
  for (const r of rows) if ((newest.get(r.team_abbr) ?? "") < r.roster_date) newest.set(r.team_abbr, r.roster_date);
  return rows.filter((r) => newest.get(r.team_abbr) === r.roster_date);
}

/**
 * Backfill mode when the day's games are final and their player lines are in: the players who
 * appeared. Otherwise daily mode: the latest rosters of the teams playing.
 */
function slateOf(dayLines: readonly SummaryRow[], rosters: readonly RosterRow[], day: DayContext): { mode: "daily" | "backfill"; slate: SlatePlayer[] } {
  const birth = new Map(rosters.map((r) => [r.player_lookup, r.birth_date]));
  const allFinal = day.schedule.length > 0 && day.finalGames.length === day.schedule.length;
  if (allFinal && dayLines.length > 0) {
    return { mode: "backfill", slate: dayLines.map((p) => ({ player_lookup: p.player_lookup, player_full_name: p.player_full_name, team_abbr: p.team_abbr, birth_date: birth.get(p.player_lookup) ?? null })) };
  }
  const teams = new Set(day.schedule.flatMap((g) => [g.home_team_tricode, g.away_team_tricode]));
  return {
    mode: "daily",
    slate: latestRosters(rosters)
      .filter((r) => teams.has(r.team_abbr))
      .map((r) => ({ player_lookup: r.player_lookup, player_full_name: r.player_full_name, team_abbr: r.team_abbr, birth_date: r.birth_date })),
  };
}

export const upcomingPlayerGameContextProcessor: DeclaredInputsProcessor<PlayerContextInputs, ContextRow> = {
  name: "upcoming_player_game_context",
  table: upcomingPlayerGameContext,
  inputs: {
    schedule: { table: nbacSchedule, window: { kind: "season_through" }, minRows: 1, criticality: "critical" },
    // History, rosters, injuries, props and lines are context: early in a season there is none, and
    // a missing one leaves its columns NULL (never zeros) and the completeness says so.
    player_game_summary: { table: playerGameSummary, window: { kind: "season_through" }, minRows: 0, criticality: "soft" },
    team_offense: { table: teamOffenseGameSummary, window: { kind: "season_before" }, minRows: 0, criticality: "soft" },
    team_rosters: { table: slateRosters, window: { kind: "days_through", days: ROSTER_LOOKBACK_DAYS }, minRows: 0, criticality: "soft" },
    injury_report: { table: nbacInjuryReport, window: { kind: "days_through", days: INJURY_LOOKBACK_DAYS }, minRows: 0, criticality: "soft" },
    odds_props: { table: oddsApiPlayerPointsProps, window: { kind: "day" }, minRows: 0, criticality: "soft" },
    bettingpros_props: { table: bettingProsLines, window: { kind: "day" }, minRows: 0, criticality: "soft" },
    game_lines: { table: oddsApiGameLines, window: { kind: "day" }, minRows: 0, criticality: "soft" },
  },
  async extract(warehouse, day) {
    const dayLines = rowsCounted(day, "player_game_summary") === 0 ? [] : await readWindow(warehouse, playerGameSummary, day.gameDate, day.gameDate);
    const rosters = await readDeclared(warehouse, day, "team_rosters", slateRosters);
    const injuries = await readDeclared(warehouse, day, "injury_report", nbacInjuryReport);
    const { mode, slate } = slateOf(dayLines, rosters, day);
    const players = [...new Set([...slate.map((p) => p.player_lookup), ...injuries.filter((r) => r.game_date === day.gameDate).map((r) => r.player_lookup)])];
    const hasHistory = rowsCounted(day, "player_game_summary") > dayLines.length;
    return {
      mode,
      slate,
      seasonSchedule: await readDeclared(warehouse, day, "schedule", nbacSchedule),
      history: hasHistory ? await playedGames(warehouse, day.gameDate, players) : [],
      teamPace: rowsCounted(day, "team_offense") === 0 ? new Map<string, number>() : await teamPaceLast10(warehouse, day.gameDate),
      injuries,
      oddsProps: await readDeclared(warehouse, day, "odds_props", oddsApiPlayerPointsProps),
      bettingProsProps: await readDeclared(warehouse, day, "bettingpros_props", bettingProsLines),
      gameLines: await readDeclared(warehouse, day, "game_lines", oddsApiGameLines),
    };
  },
  transform: transformPlayerContext,
};
