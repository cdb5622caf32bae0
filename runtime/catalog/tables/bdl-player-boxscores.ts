import { nullable, rawStatColumns, rawTechnicalColumns, required } from "../columns";
import { defineTable } from "../define-table";

export const bdlPlayerBoxscores = defineTable({
  dataset: "nba_raw",
  name: "bdl_player_boxscores",
  description: "Ball Don't Lie player lines (backup stats source), one row per player per game, DNPs included.",
  columns: [
    required("game_id", "STRING", "Canonical game key YYYYMMDD_AWAY_HOME (BDL has no NBA id)"),
    required("game_date", "DATE", "ET game date"),
    required("season_year", "INT64", "Season start year (BDL season)"),
    nullable("game_status", "STRING", "Game status as published (Final); only a Final file replaces a game"),
    nullable("bdl_game_id", "INT64", "Ball Don't Lie game id"),
    required("team_abbr", "STRING", "Player's team tricode"),
    required("opponent_team_abbr", "STRING", "Opponent tricode"),
    required("is_home", "BOOL", "Player's team played at home"),
    required("bdl_player_id", "INT64", "Ball Don't Lie player id"),
    required("player_full_name", "STRING", "First and last name as published"),
    required("player_lookup", "STRING", "Normalised player key (DOMAIN §2)"),
    nullable("minutes", "STRING", "Minutes as published (digit string, 28); null or 00 = did not play"),
    ...rawStatColumns,
    required("data_source", "STRING", "bdl_box_scores"),
    ...rawTechnicalColumns,
  ],
  partitioning: { kind: "time", field: "game_date", requirePartitionFilter: true },
  clustering: ["player_lookup", "team_abbr", "game_date"],
  key: ["game_id", "player_lookup"],
  writeStrategy: "MERGE_UPDATE",
  versionColumn: "processed_at",
});
