import { nullable, rawStatColumns, rawTechnicalColumns, required } from "../columns";
import { defineTable } from "../define-table";

export const nbacTeamBoxscore = defineTable({
  dataset: "nba_raw",
  name: "nbac_team_boxscore",
  description: "Official NBA.com team box score (TeamStats), one row per team per game.",
  columns: [
    required("game_id", "STRING", "Canonical game key YYYYMMDD_AWAY_HOME"),
    required("nba_game_id", "STRING", "NBA game id"),
    required("game_date", "DATE", "ET game date"),
    required("season_year", "INT64", "Season start year"),
    required("team_abbr", "STRING", "Team tricode"),
    required("team_id", "INT64", "NBA team id"),
    required("is_home", "BOOL", "Team played at home"),
    nullable("minutes", "STRING", "Team minutes as published (240:00, 265:00 with one OT)"),
    ...rawStatColumns,
    required("data_source", "STRING", "nbac_boxscore"),
    ...rawTechnicalColumns,
  ],
  partitioning: { kind: "time", field: "game_date", requirePartitionFilter: true },
  clustering: ["game_id", "team_abbr", "season_year", "is_home"],
  key: ["game_id", "team_abbr"],
  writeStrategy: "MERGE_UPDATE",
  versionColumn: "processed_at",
});
