import { nullable, rawTechnicalColumns, required } from "../columns";
import { defineTable } from "../define-table";

export const nbacTeamRosters = defineTable({
  dataset: "nba_raw",
  name: "nbac_team_rosters",
  description: "NBA.com team rosters (commonteamroster), one row per player per team per scrape day.",
  columns: [
    required("roster_date", "DATE", "ET date the roster was fetched"),
    required("season_year", "INT64", "Season start year"),
    required("team_id", "INT64", "NBA team id"),
    required("team_abbr", "STRING", "Team tricode"),
    required("nba_player_id", "INT64", "NBA.com player id"),
    required("player_full_name", "STRING", "Player name as published"),
    required("player_lookup", "STRING", "Normalised player key (DOMAIN §2)"),
    nullable("jersey_number", "STRING", "Jersey number as published (00 kept)"),
    nullable("position", "STRING", "Position as published (G, F-C, ...)"),
    nullable("birth_date", "DATE", "Date of birth (for player age)"),
    nullable("experience_years", "INT64", "Seasons of NBA experience; 0 for rookies (R)"),
    required("data_source", "STRING", "nbac_commonteamroster"),
    ...rawTechnicalColumns,
  ],
  partitioning: { kind: "time", field: "roster_date", requirePartitionFilter: true },
  // DOMAIN §3.1b names no clustering; readers take one team's latest roster.
  clustering: ["team_abbr", "player_lookup"],
  key: ["roster_date", "team_abbr", "player_lookup"],
  writeStrategy: "MERGE_UPDATE",
  versionColumn: "processed_at",
});
