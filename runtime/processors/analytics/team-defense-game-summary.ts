import type { ProducedRow } from "../../catalog/derive/row-type";
import { nbacSchedule } from "../../catalog/tables/nbac-schedule";
import { teamDefenseGameSummary } from "../../catalog/tables/team-defense-game-summary";
import { teamOffenseGameSummary } from "../../catalog/tables/team-offense-game-summary";
import { readDeclared, type DayContext, type DeclaredInputsProcessor, type ProcessorResult } from "../base/declared-inputs";
import { trackSource, trackingColumns, type TrackedSource } from "../base/source-tracking";
import { rating } from "./formulas";
import { gameZones, type GameZones, type PlayByPlayRow, trackingByGame, zonePlays } from "./shot-zones";

type OffenseRow = ProducedRow<typeof teamOffenseGameSummary>;
type DefenseRow = ProducedRow<typeof teamDefenseGameSummary>;

export interface TeamDefenseInputs {
  readonly offense: readonly OffenseRow[];
  readonly playByPlay: readonly PlayByPlayRow[];
}

const TIER_ORDER = ["gold", "silver", "bronze", "poor", "unusable"];

function worseTier(a: string, b: string): string {
  return TIER_ORDER.indexOf(a) >= TIER_ORDER.indexOf(b) ? a : b;
}

const times = (value: number | null, factor: number): number | null => (value === null ? null : value * factor);

function toRow(own: OffenseRow, opp: OffenseRow, zones: GameZones, pbpTracking: (gameId: string) => TrackedSource, day: DayContext): Omit<DefenseRow, "data_hash"> {
  const hasPbp = zones.games.has(own.game_id);
  const blocked = zones.blocks.get(`${own.game_id}|${own.team_abbr}`);
  const blocks = (n: number | undefined): number | null => (hasPbp ? (n ?? 0) : null);
  return {
    game_id: own.game_id,
    nba_game_id: own.nba_game_id,
    game_date: own.game_date,
    season_year: own.season_year,
    defending_team_abbr: own.team_abbr,
    opponent_team_abbr: opp.team_abbr,
    home_game: own.home_game,
    points_allowed: opp.points_scored,
    opp_fg_attempts: opp.fg_attempts,
    opp_fg_makes: opp.fg_makes,
    opp_three_pt_attempts: opp.three_pt_attempts,
    opp_three_pt_makes: opp.three_pt_makes,
    opp_ft_attempts: opp.ft_attempts,
    opp_ft_makes: opp.ft_makes,
    opp_rebounds: opp.rebounds,
    opp_offensive_rebounds: opp.offensive_rebounds,
    opp_assists: opp.assists,
    turnovers_forced: opp.turnovers,
    fouls_committed: own.personal_fouls,
    opp_paint_attempts: opp.team_paint_attempts,
    opp_paint_makes: opp.team_paint_makes,
    opp_mid_range_attempts: opp.team_mid_range_attempts,
    opp_mid_range_makes: opp.team_mid_range_makes,
    points_in_paint_allowed: times(opp.team_paint_makes, 2),
    mid_range_points_allowed: times(opp.team_mid_range_makes, 2),
    three_pt_points_allowed: times(opp.three_pt_makes, 3),
    blocks_paint: blocks(blocked?.paint),
    blocks_mid_range: blocks(blocked?.mid_range),
    blocks_three_pt: blocks(blocked?.three),
    blocks: own.blocks,
    steals: own.steals,
    defensive_rebounds: own.defensive_rebounds,
    opp_possessions: opp.possessions,
    defensive_rating: opp.possessions === null ? null : rating(opp.points_scored, opp.possessions),
    // Per-48 pace of the opponent, not its raw possessions (the original's defect).
    opponent_pace: opp.pace,
    opponent_ts_pct: opp.ts_pct,
    win_flag: own.points_scored > opp.points_scored,
    margin_of_victory: own.points_scored - opp.points_scored,
    overtime_periods: own.overtime_periods,
    data_source: opp.data_source,
    data_quality_tier: worseTier(own.data_quality_tier, opp.data_quality_tier),
    quality_score: Math.min(own.quality_score, opp.quality_score),
    ...trackingColumns("source_team_offense", trackSource([own, opp], 2)),
    ...trackingColumns("source_play_by_play", pbpTracking(own.game_id)),
    processed_at: day.processedAt,
    created_at: day.processedAt,
  };
}

/**
 * Two rows per final game of the schedule: each team's defense is the opponent's offense in the
 * same game; blocks are split by the zone of the blocked shot (play-by-play).
 */
export function transformTeamDefense(inputs: TeamDefenseInputs, day: DayContext): ProcessorResult<DefenseRow> {
  const zones = gameZones(inputs.playByPlay);
  const pbpTracking = trackingByGame(inputs.playByPlay);
  const rows: Omit<DefenseRow, "data_hash">[] = [];
  const missing: string[] = [];
  for (const game of day.finalGames) {
    const offense = (team: string): OffenseRow | undefined => inputs.offense.find((o) => o.game_id === game.canonical_game_id && o.team_abbr === team);
    const home = offense(game.home_team_tricode);
    const away = offense(game.away_team_tricode);
    if (home && away) rows.push(toRow(home, away, zones, pbpTracking, day), toRow(away, home, zones, pbpTracking, day));
    else missing.push(`no team offense for ${[home ? null : game.home_team_tricode, away ? null : game.away_team_tricode].filter(Boolean).join(" and ")} in ${game.canonical_game_id}`);
  }
  return { rows, expectedRows: day.finalGames.length * 2, missing };
}

export const teamDefenseProcessor: DeclaredInputsProcessor<TeamDefenseInputs, DefenseRow> = {
  name: "team_defense_game_summary",
  table: teamDefenseGameSummary,
  inputs: {
    schedule: { table: nbacSchedule, window: { kind: "season_through" }, minRows: 1, criticality: "critical" },
    team_offense: { table: teamOffenseGameSummary, window: { kind: "day" }, minRows: { perFinalGame: 1 }, criticality: "critical" },
    play_by_play: { table: zonePlays, window: { kind: "day" }, minRows: { perFinalGame: 1 }, criticality: "soft" },
  },
  async extract(warehouse, day) {
    return {
      offense: await readDeclared(warehouse, day, "team_offense", teamOffenseGameSummary),
      playByPlay: await readDeclared(warehouse, day, "play_by_play", zonePlays),
    };
  },
  transform: transformTeamDefense,
};
