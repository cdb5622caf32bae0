import { nullable, rawTechnicalColumns, repeated, required } from "../columns";
import { defineTable } from "../define-table";

export const nbacScoreboardV2 = defineTable({
  dataset: "nba_raw",
  name: "nbac_scoreboard_v2",
  description: "NBA.com scoreboardv2 (GameHeader + LineScore), one row per game: live status, period and line scores.",
  columns: [
    required("game_id", "STRING", "Canonical game key YYYYMMDD_AWAY_HOME"),
    required("nba_game_id", "STRING", "NBA game id"),
    required("game_date", "DATE", "ET game date"),
    required("season_year", "INT64", "Season start year"),
    nullable("game_code", "STRING", "NBA game code, date/AWAYHOME"),
    nullable("game_sequence", "INT64", "Order of the game on the day's scoreboard"),
    required("game_status", "INT64", "1 scheduled, 2 live, 3 final: the finality signal for due rules"),
    nullable("game_status_text", "STRING", "Status text as published (Final, Q3 5:12, 7:30 pm ET)"),
    nullable("period", "INT64", "Current (or last) period; 0 before tip"),
    nullable("live_clock", "STRING", "Time remaining in the current period as published"),
    required("home_team_id", "INT64", "NBA team id of the home team"),
    required("home_team_abbr", "STRING", "Home team tricode"),
    required("away_team_id", "INT64", "NBA team id of the away team"),
    required("away_team_abbr", "STRING", "Away team tricode"),
    nullable("home_team_score", "INT64", "Home points; null before tip"),
    nullable("away_team_score", "INT64", "Away points; null before tip"),
    repeated("home_period_points", "INT64", "Home points per period played: Q1-Q4, then each overtime"),
    repeated("away_period_points", "INT64", "Away points per period played: Q1-Q4, then each overtime"),
    required("data_source", "STRING", "nbac_scoreboard_v2"),
    ...rawTechnicalColumns,
  ],
  partitioning: { kind: "time", field: "game_date", requirePartitionFilter: true },
  // DOMAIN §3.1b names no clustering; readers ask whether a day's games are final.
  clustering: ["game_status", "game_id"],
  key: ["game_id", "game_date"],
  writeStrategy: "MERGE_UPDATE",
  versionColumn: "processed_at",
});
