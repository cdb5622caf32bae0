import { nullable, rawStatColumns, rawTechnicalColumns, required } from "../columns";
import { defineTable } from "../define-table";

export const nbacPlayerBoxscores = defineTable({
  dataset: "nba_raw",
  name: "nbac_player_boxscores",
  description: "Official NBA.com player lines (leaguegamelog), one row per player per game.",
  columns: [
    required("game_id", "STRING", "Canonical game key YYYYMMDD_AWAY_HOME"),
    required("nba_game_id", "STRING", "NBA game id (0022400974)"),
    required("game_date", "DATE", "ET game date"),
    required("season_year", "INT64", "Season start year"),
    required("team_abbr", "STRING", "Player's team tricode"),
    required("opponent_team_abbr", "STRING", "Opponent tricode (from MATCHUP)"),
    required("is_home", "BOOL", "Player's team played at home (MATCHUP 'vs.')"),
    required("nba_player_id", "INT64", "NBA.com player id"),
    required("player_full_name", "STRING", "Player name as published"),
    required("player_lookup", "STRING", "Normalised player key (DOMAIN §2)"),
    nullable("starter", "BOOL", "Started the game; null when the source has no starter information (leaguegamelog)"),
    nullable("minutes", "STRING", "Minutes as MM:SS; null = did not play"),
    nullable("minutes_decimal", "NUMERIC", "Minutes as a decimal (2 dp)"),
    nullable("game_result", "STRING", "W or L for the player's team"),
    ...rawStatColumns,
    required("data_source", "STRING", "nbac_leaguegamelog"),
    ...rawTechnicalColumns,
  ],
  partitioning: { kind: "time", field: "game_date", requirePartitionFilter: true },
  clustering: ["player_lookup", "team_abbr", "game_date"],
  key: ["game_id", "player_lookup"],
  writeStrategy: "MERGE_UPDATE",
  versionColumn: "processed_at",
});
