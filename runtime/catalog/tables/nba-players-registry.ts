import { derivedTechnicalColumns, nullable, required } from "../columns";
import { defineTable } from "../define-table";

export const nbaPlayersRegistry = defineTable({
  dataset: "nba_reference",
  name: "nba_players_registry",
  description: "Player registry: one row per player, team and season, holding the stable universal_player_id.",
  columns: [
    required("universal_player_id", "STRING", "Stable player id {player_lookup}_{NNN} (lebronjames_001)"),
    required("player_lookup", "STRING", "Normalised player key (DOMAIN §2)"),
    required("player_name", "STRING", "Player name as published"),
    required("team_abbr", "STRING", "Team tricode"),
    required("season", "STRING", "Season label (2024-25)"),
    nullable("first_game_date", "DATE", "First game for the team this season"),
    nullable("last_game_date", "DATE", "Latest game for the team this season"),
    required("games_played", "INT64", "Games played for the team this season (0 when only on a roster)"),
    required("dnp_appearances", "INT64", "Games listed but did not play"),
    required("inactive_appearances", "INT64", "Games listed as inactive"),
    nullable("jersey_number", "STRING", "Jersey number (owned by rosters)"),
    nullable("position", "STRING", "Position (owned by rosters)"),
    required("source_priority", "STRING", "Which source last set the row: nba_gamebook or roster_*"),
    nullable("confidence_score", "FLOAT64", "Confidence in the identity match, 0-1"),
    nullable("last_gamebook_activity_date", "DATE", "Date of the newest game data applied"),
    nullable("last_roster_activity_date", "DATE", "Date of the newest roster data applied"),
    ...derivedTechnicalColumns,
  ],
  partitioning: {
    kind: "none",
    reason: "A few thousand rows (one per player, team and season), read whole for name resolution; clustering serves the lookups.",
  },
  clustering: ["universal_player_id", "player_lookup", "season", "team_abbr"],
  key: ["player_lookup", "team_abbr", "season"],
  writeStrategy: "MERGE_UPDATE",
  versionColumn: "processed_at",
});
