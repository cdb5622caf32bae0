import type { ProducedRow } from "../../catalog/derive/row-type";
import { teamDefenseGameSummary } from "../../catalog/tables/team-defense-game-summary";
import { teamOffenseGameSummary } from "../../catalog/tables/team-offense-game-summary";
import { dataHash } from "../../domain/data-hash";
import { contentFields } from "../base/hash-fields";
import { readPartitions } from "../base/read-partition";
import { trackSource, trackingColumns } from "../base/source-tracking";
import type { AnalyticsProcessorDefinition, TransformContext, TransformResult } from "./analytics-processor";
import { rating } from "./formulas";

type OffenseRow = ProducedRow<typeof teamOffenseGameSummary>;
type DefenseRow = ProducedRow<typeof teamDefenseGameSummary>;

export interface TeamDefenseInputs {
  readonly offense: readonly OffenseRow[];
}

const TIER_ORDER = ["gold", "silver", "bronze", "poor", "unusable"];

function worseTier(a: string, b: string): string {
  return TIER_ORDER.indexOf(a) >= TIER_ORDER.indexOf(b) ? a : b;
}

const times = (value: number | null, factor: number): number | null => (value === null ? null : value * factor);

function toRow(own: OffenseRow, opp: OffenseRow, context: TransformContext): DefenseRow {
  const row: Omit<DefenseRow, "data_hash"> = {
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
    blocks_paint: null,
    blocks_mid_range: null,
    blocks_three_pt: null,
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
    processed_at: context.processedAt,
    created_at: context.processedAt,
  };
  return { ...row, data_hash: dataHash(row, contentFields(teamDefenseGameSummary)) };
}

/** Each team's defense is the opponent's offense in the same game; a game needs both offense rows. */
export function transformTeamDefense(inputs: TeamDefenseInputs, context: TransformContext): TransformResult<DefenseRow> {
  const rows: DefenseRow[] = [];
  for (const own of inputs.offense) {
    const opp = inputs.offense.find((o) => o.game_id === own.game_id && o.team_abbr === own.opponent_team_abbr);
    if (opp) rows.push(toRow(own, opp, context));
  }
  return { rows, expectedRows: inputs.offense.length };
}

export const teamDefenseProcessor: AnalyticsProcessorDefinition<TeamDefenseInputs> = {
  name: "team_defense_game_summary",
  table: teamDefenseGameSummary,
  async extract(warehouse, gameDate) {
    return { offense: await readPartitions(warehouse, teamOffenseGameSummary, [gameDate]) };
  },
  transform: transformTeamDefense,
};
