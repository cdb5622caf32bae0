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
    nullable("player_full_name", "STRING", "Player name; the feed carries none (only PLAYER_SLUG), so null"),
    nullable("player_lookup", "STRING", "Normalised player key (DOMAIN §2); null for team-only legs"),
    required("team_id", "INT64", "NBA team id"),
    nullable("team_abbr", "STRING", "Team tricode"),
    nullable("transaction_description", "STRING", "Transaction text as published"),
    required("additional_sort", "INT64", "Feed Additional_Sort: 0 on player legs, the counterparty's team id on team-only legs (tells apart two legs of one trade for one team)"),
    required("data_source", "STRING", "nbac_player_movement"),
    ...rawTechnicalColumns,
  ],
  partitioning: { kind: "time", field: "transaction_date", requirePartitionFilter: true },
  // DOMAIN §3.1b names no clustering; readers look up a player's or a team's moves.
  clustering: ["player_lookup", "team_abbr", "transaction_type"],
  // DOMAIN §3.1b's key plus additional_sort: in the 2025-07-16 feed 25 pairs of team-only legs share the
  // five columns (one team receiving considerations from two teams in one trade); each leg is its own row.
  key: ["player_id", "team_id", "transaction_date", "transaction_type", "group_sort", "additional_sort"],
  writeStrategy: "INSERT_NEW_ONLY",
  versionColumn: "processed_at",
});
