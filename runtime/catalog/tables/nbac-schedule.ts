import { nullable, rawTechnicalColumns, required } from "../columns";
import { defineTable } from "../define-table";

export const nbacSchedule = defineTable({
  dataset: "nba_raw",
  name: "nbac_schedule",
  description: "NBA.com season schedule: one row per regular-season, play-in or playoff game, with final scores once played.",
  columns: [
    required("game_id", "STRING", "NBA game id (0022400968): the schedule is where NBA ids map to canonical ids"),
    required("canonical_game_id", "STRING", "Canonical game key YYYYMMDD_AWAY_HOME (ET date, tricodes)"),
    nullable("game_code", "STRING", "NBA game code, date/AWAYHOME (20250315/BOSBKN)"),
    required("season_nba_format", "STRING", "Season label (2024-25)"),
    required("season_year", "INT64", "Season start year (2024)"),
    required("game_date", "DATE", "ET calendar date of the scheduled tip (literal date of gameDateEst)"),
    nullable("game_date_est", "TIMESTAMP", "gameDateTimeEst as published (Eastern wall time despite the Z)"),
    nullable("game_start_utc", "TIMESTAMP", "Real tip instant (gameDateTimeUTC)"),
    required("game_status", "INT64", "1 scheduled, 2 live, 3 final"),
    nullable("game_status_text", "STRING", "Status text as published"),
    required("game_type", "STRING", "regular_season | play_in | playoffs (from the game id type digit)"),
    nullable("game_label", "STRING", "gameLabel (Emirates NBA Cup, East First Round, ...)"),
    required("home_team_id", "INT64", "NBA team id of the home team"),
    required("home_team_tricode", "STRING", "Home team tricode"),
    required("away_team_id", "INT64", "NBA team id of the away team"),
    required("away_team_tricode", "STRING", "Away team tricode"),
    nullable("home_team_score", "INT64", "Home final (or current) score; null before tip"),
    nullable("away_team_score", "INT64", "Away final (or current) score; null before tip"),
    nullable("winning_team_tricode", "STRING", "Winner, only when the game is final"),
    required("is_regular_season", "BOOL", "Regular-season game (incl. Emirates Cup group and knockout games)"),
    required("is_playoffs", "BOOL", "Playoff game"),
    required("is_play_in", "BOOL", "Play-in tournament game"),
    required("is_emirates_cup", "BOOL", "Emirates NBA Cup game counted in the regular season"),
    nullable("postponed_status", "STRING", "postponedStatus as published (N = not postponed)"),
    required("data_source", "STRING", "Where the row came from (nbac_schedule_api)"),
    ...rawTechnicalColumns,
  ],
  partitioning: { kind: "time", field: "game_date", requirePartitionFilter: true },
  // DOMAIN §3.1 also lists season_year; BigQuery allows four clustering columns, and the date
  // partition already narrows a season.
  clustering: ["game_date", "data_source", "home_team_tricode", "away_team_tricode"],
  key: ["game_id", "game_date"],
  writeStrategy: "MERGE_UPDATE",
  versionColumn: "processed_at",
});
