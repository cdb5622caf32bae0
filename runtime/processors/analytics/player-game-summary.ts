import type { ProducedRow } from "../../catalog/derive/row-type";
import { nbacPlayerBoxscores } from "../../catalog/tables/nbac-player-boxscores";
import { playerGameSummary } from "../../catalog/tables/player-game-summary";
import { teamOffenseGameSummary } from "../../catalog/tables/team-offense-game-summary";
import { dataHash } from "../../domain/data-hash";
import { contentFields } from "../base/hash-fields";
import { readPartitions } from "../base/read-partition";
import { trackSource, trackingColumns } from "../base/source-tracking";
import type { AnalyticsProcessorDefinition, TransformContext, TransformResult } from "./analytics-processor";
import { effectiveFieldGoal, trueShooting, usageRate } from "./formulas";

type PlayerRow = ProducedRow<typeof nbacPlayerBoxscores>;
type OffenseRow = ProducedRow<typeof teamOffenseGameSummary>;
type SummaryRow = ProducedRow<typeof playerGameSummary>;

export interface PlayerGameInputs {
  readonly players: readonly PlayerRow[];
  readonly teamOffense: readonly OffenseRow[];
}

/** Used for starter_flag only when the source has no starter information (leaguegamelog). */
const STARTER_MINUTES_THRESHOLD = 20;

function winFlag(player: PlayerRow, own: OffenseRow | undefined, opp: OffenseRow | undefined): boolean {
  if (own && opp) return own.points_scored > opp.points_scored;
  // Without both team rows, the source's own W/L is the result.
  return player.game_result === "W";
}

function toRow(p: PlayerRow, inputs: PlayerGameInputs, context: TransformContext): SummaryRow {
  const own = inputs.teamOffense.find((t) => t.nba_game_id === p.nba_game_id && t.team_abbr === p.team_abbr);
  const opp = inputs.teamOffense.find((t) => t.nba_game_id === p.nba_game_id && t.team_abbr === p.opponent_team_abbr);
  const minutes = p.minutes_decimal;
  const played = minutes !== null && minutes > 0;
  const fga = p.field_goals_attempted ?? 0;
  const fta = p.free_throws_attempted ?? 0;
  const points = p.points ?? 0;
  const usage =
    played && own && own.fg_attempts !== null && own.ft_attempts !== null && own.turnovers !== null
      ? usageRate({ fga, fta, tov: p.turnovers ?? 0, minutes }, { fga: own.fg_attempts, fta: own.ft_attempts, tov: own.turnovers, minutes: own.team_minutes })
      : null;
  const row: Omit<SummaryRow, "data_hash"> = {
    game_id: p.game_id,
    nba_game_id: p.nba_game_id,
    game_date: p.game_date,
    season_year: p.season_year,
    player_lookup: p.player_lookup,
    universal_player_id: null,
    player_full_name: p.player_full_name,
    nba_player_id: p.nba_player_id,
    team_abbr: p.team_abbr,
    opponent_team_abbr: p.opponent_team_abbr,
    home_game: p.is_home,
    points,
    minutes_played: minutes,
    fg_makes: p.field_goals_made,
    fg_attempts: p.field_goals_attempted,
    three_pt_makes: p.three_pointers_made,
    three_pt_attempts: p.three_pointers_attempted,
    ft_makes: p.free_throws_made,
    ft_attempts: p.free_throws_attempted,
    offensive_rebounds: p.offensive_rebounds,
    defensive_rebounds: p.defensive_rebounds,
    total_rebounds: p.total_rebounds,
    assists: p.assists,
    steals: p.steals,
    blocks: p.blocks,
    turnovers: p.turnovers,
    personal_fouls: p.personal_fouls,
    plus_minus: p.plus_minus,
    paint_attempts: null,
    paint_makes: null,
    mid_range_attempts: null,
    mid_range_makes: null,
    three_attempts_pbp: null,
    three_makes_pbp: null,
    assisted_fg_makes: null,
    unassisted_fg_makes: null,
    and1_count: null,
    usage_rate: usage,
    ts_pct: played ? trueShooting(points, fga, fta) : null,
    efg_pct: played && p.field_goals_made !== null && p.three_pointers_made !== null ? effectiveFieldGoal(p.field_goals_made, p.three_pointers_made, fga) : null,
    starter_flag: p.starter ?? (played ? minutes > STARTER_MINUTES_THRESHOLD : false),
    win_flag: winFlag(p, own, opp),
    is_dnp: !played,
    points_line: null,
    opening_line: null,
    line_movement: null,
    margin: null,
    over_under_result: null,
    primary_source: "nbac_player_boxscores",
    backup_source_used: false,
    data_source: "nbac_player_boxscores",
    data_quality_tier: "gold",
    quality_score: 100,
    ...trackingColumns("source_player_boxscores", trackSource([p], 1)),
    ...trackingColumns("source_team_offense", trackSource(own ? [own] : [], 1)),
    processed_at: context.processedAt,
    created_at: context.processedAt,
  };
  return { ...row, data_hash: dataHash(row, contentFields(playerGameSummary)) };
}

/** One row per player line, with efficiency and usage against the team's totals. */
export function transformPlayerGames(inputs: PlayerGameInputs, context: TransformContext): TransformResult<SummaryRow> {
  const rows = inputs.players.map((p) => toRow(p, inputs, context));
  return { rows, expectedRows: inputs.players.length };
}

export const playerGameSummaryProcessor: AnalyticsProcessorDefinition<PlayerGameInputs> = {
  name: "player_game_summary",
  table: playerGameSummary,
  async extract(warehouse, gameDate) {
    return {
      players: await readPartitions(warehouse, nbacPlayerBoxscores, [gameDate]),
      teamOffense: await readPartitions(warehouse, teamOffenseGameSummary, [gameDate]),
    };
  },
  transform: transformPlayerGames,
};
