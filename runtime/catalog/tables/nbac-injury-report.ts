import { nullable, rawTechnicalColumns, required } from "../columns";
import { defineTable } from "../define-table";

export const nbacInjuryReport = defineTable({
  dataset: "nba_raw",
  name: "nbac_injury_report",
  description: "NBA official injury report (parsed PDF): every published version, one row per player per game per report.",
  columns: [
    required("report_date", "DATE", "ET date the report was published"),
    required("report_hour", "INT64", "ET hour the report was published, 0-23"),
    required("game_date", "DATE", "ET game date"),
    required("game_id", "STRING", "Canonical game key YYYYMMDD_AWAY_HOME (from matchup AWAY@HOME)"),
    required("season_year", "INT64", "Season start year, from the game date (the report's own season can be wrong)"),
    nullable("game_time", "STRING", "Scheduled tip as published (07:30 (ET), evening implied)"),
    nullable("matchup", "STRING", "Matchup as published (MIL@SAS)"),
    required("team", "STRING", "Player's team tricode"),
    required("player_full_name", "STRING", "Player name reordered to First Last (suffix kept)"),
    required("player_lookup", "STRING", "Normalised player key (DOMAIN §2)"),
    required("injury_status", "STRING", "out | doubtful | questionable | probable | available"),
    nullable("reason", "STRING", "Reason as published (Injury/Illness - Right Ankle; Sprain)"),
    nullable("reason_category", "STRING", "Reason family: injury, illness, g_league, suspension, personal, other"),
    nullable("confidence_score", "FLOAT64", "Parser confidence for the record, 0-1"),
    nullable("report_run_id", "STRING", "Id of the scrape run that fetched the report"),
    required("data_source", "STRING", "nbac_injury_report"),
    ...rawTechnicalColumns,
  ],
  partitioning: {
    kind: "time",
    field: "report_date",
    requirePartitionFilter: false,
    requirePartitionFilterWaiver:
      "Readers take the latest report per (game_id, player_lookup); reports for a game are published on earlier days, so the report_date range is not known up front (DOMAIN §3.1).",
  },
  clustering: ["player_lookup", "game_id", "injury_status"],
  key: ["report_date", "report_hour", "game_id", "player_lookup"],
  writeStrategy: "APPEND_ALWAYS",
  versionColumn: "processed_at",
});
