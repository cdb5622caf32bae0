import { nullable, rawTechnicalColumns, required } from "../columns";
import { defineTable } from "../define-table";

export const nbacPlayerMovement = defineTable({
  dataset: "nba_raw",
  name: "nbac_player_movement",
  description: "NBA.com player movement feed (signings, waivers, trades), one row per player per team per transaction.",
  columns: [
    required("transaction_date", "DATE", "Date of the transaction"),
    required("season_year", "INT64", "Season start year the date falls in (month >= 10 -> that year, else year - 1)"),
    required("transaction_type", "STRING", "Signing, Waive, Trade, ... as published"),
    required("group_sort", "STRING", "Feed group key tying the legs of one transaction together (Trade 12345)"),
    required("player_id", "INT64", "NBA.com player id; 0 for team-only legs (draft picks, cash)"),
    nullable("player_full_name", "STRING", "Player name from the feed"),
    nullable("player_lookup", "STRING", "Normalised player key (DOMAIN §2); null for team-only legs"),
    required("team_id", "INT64", "NBA team id"),
    nullable("team_abbr", "STRING", "Team tricode"),
    nullable("transaction_description", "STRING", "Transaction text as published"),
    nullable("additional_sort", "FLOAT64", "Feed ordering within a group"),
    required("data_source", "STRING", "nbac_player_movement"),
    ...rawTechnicalColumns,
  ],
  partitioning: { kind: "time", field: "transaction_date", requirePartitionFilter: true },
  // DOMAIN §3.1b names no clustering; readers look up a player's or a team's moves.
  clustering: ["player_lookup", "team_abbr", "transaction_type"],
  key: ["player_id", "team_id", "transaction_date", "transaction_type", "group_sort"],
  writeStrategy: "INSERT_NEW_ONLY",
  versionColumn: "processed_at",
});
