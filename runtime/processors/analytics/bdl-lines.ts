import type { ProducedRow } from "../../catalog/derive/row-type";
import type { bdlPlayerBoxscores } from "../../catalog/tables/bdl-player-boxscores";
import type { nbacPlayerBoxscores } from "../../catalog/tables/nbac-player-boxscores";
import { parseMinutes } from "../../domain/minutes";

type NbacLine = ProducedRow<typeof nbacPlayerBoxscores>;
type BdlLine = ProducedRow<typeof bdlPlayerBoxscores>;

/** One player's line in one game, from NBA.com (primary) or Ball Don't Lie (backup), in one shape. */
export type PlayerLine = Omit<NbacLine, "nba_game_id" | "nba_player_id"> & {
  readonly nba_game_id: string | null;
  readonly nba_player_id: number | null;
  readonly stats_source: "nbac_player_boxscores" | "bdl_player_boxscores";
};

export function nbacAsPlayerLines(rows: readonly NbacLine[]): PlayerLine[] {
  return rows.map((r) => ({ ...r, stats_source: "nbac_player_boxscores" }));
}

/**
 * BDL lines keep every count BDL supplies (the original's fallback dropped OREB/DREB/FGA/3PA/FTA);
 * its minutes are a digit string ("00" = did not play) and it has no starter flag or W/L.
 */
export function bdlAsPlayerLines(rows: readonly BdlLine[]): PlayerLine[] {
  return rows.map((r) => {
    const minutes = parseMinutes(r.minutes);
    return {
      game_id: r.game_id,
      nba_game_id: null,
      game_date: r.game_date,
      season_year: r.season_year,
      team_abbr: r.team_abbr,
      opponent_team_abbr: r.opponent_team_abbr,
      is_home: r.is_home,
      nba_player_id: null,
      player_full_name: r.player_full_name,
      player_lookup: r.player_lookup,
      starter: null,
      minutes: r.minutes,
      minutes_decimal: minutes.played ? minutes.decimal : null,
      game_result: null,
      points: r.points,
      field_goals_made: r.field_goals_made,
      field_goals_attempted: r.field_goals_attempted,
      three_pointers_made: r.three_pointers_made,
      three_pointers_attempted: r.three_pointers_attempted,
      free_throws_made: r.free_throws_made,
      free_throws_attempted: r.free_throws_attempted,
      offensive_rebounds: r.offensive_rebounds,
      defensive_rebounds: r.defensive_rebounds,
      total_rebounds: r.total_rebounds,
      assists: r.assists,
      steals: r.steals,
      blocks: r.blocks,
      turnovers: r.turnovers,
      personal_fouls: r.personal_fouls,
      plus_minus: r.plus_minus,
      data_source: r.data_source,
      source_file_path: r.source_file_path,
      data_hash: r.data_hash,
      processed_at: r.processed_at,
      created_at: r.created_at,
      stats_source: "bdl_player_boxscores",
    };
  });
}
