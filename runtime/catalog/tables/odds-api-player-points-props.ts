import { nullable, rawTechnicalColumns, required } from "../columns";
import { defineTable } from "../define-table";

export const oddsApiPlayerPointsProps = defineTable({
  dataset: "nba_raw",
  name: "odds_api_player_points_props",
  description: "The Odds API player points lines, one row per snapshot, bookmaker and player.",
  columns: [
    required("game_id", "STRING", "Canonical game key YYYYMMDD_AWAY_HOME (never the NBA id)"),
    nullable("nba_game_id", "STRING", "NBA game id from the schedule lookup; null when not found"),
    required("odds_api_event_id", "STRING", "The Odds API event id"),
    required("game_date", "DATE", "ET game date (commence_time converted to ET)"),
    nullable("game_start_time", "TIMESTAMP", "Scheduled tip (commence_time, UTC)"),
    nullable("home_team_abbr", "STRING", "Home tricode (mapped from the full team name)"),
    nullable("away_team_abbr", "STRING", "Away tricode (mapped from the full team name)"),
    required("snapshot_timestamp", "TIMESTAMP", "When the odds were captured (historical snapshot time, or fetch time when live)"),
    nullable("minutes_before_tipoff", "INT64", "game_start_time - snapshot_timestamp, in minutes"),
    required("bookmaker", "STRING", "Bookmaker key (draftkings, fanduel, ...)"),
    nullable("bookmaker_last_update", "TIMESTAMP", "When the bookmaker last changed its odds"),
    nullable("player_full_name", "STRING", "Player as named by the bookmaker (outcome description)"),
    required("player_lookup", "STRING", "Normalised player key (DOMAIN §2)"),
    nullable("points_line", "FLOAT64", "Points line (the Over outcome's point)"),
    nullable("over_price", "FLOAT64", "Over price, decimal odds (1.91)"),
    nullable("over_price_american", "INT64", "Over price, American odds (-110)"),
    nullable("under_price", "FLOAT64", "Under price, decimal odds"),
    nullable("under_price_american", "INT64", "Under price, American odds"),
    required("data_source", "STRING", "current | historical | backfill | manual"),
    ...rawTechnicalColumns,
  ],
  partitioning: {
    kind: "time",
    field: "game_date",
    requirePartitionFilter: false,
    requirePartitionFilterWaiver:
      "Small table (about 54 K rows over two seasons) read by player across dates for line history; DOMAIN §3.1 exempts it from the filter.",
  },
  clustering: ["player_lookup", "game_date", "bookmaker"],
  key: ["game_id", "player_lookup", "bookmaker", "snapshot_timestamp"],
  writeStrategy: "APPEND_ALWAYS",
  versionColumn: "processed_at",
});
