import { nullable, rawTechnicalColumns, required } from "../columns";
import { defineTable } from "../define-table";

export const oddsApiGameLines = defineTable({
  dataset: "nba_raw",
  name: "odds_api_game_lines",
  description: "The Odds API game spreads and totals, one row per snapshot, bookmaker, market and outcome.",
  columns: [
    required("game_date", "DATE", "ET game date (commence_time converted to ET)"),
    required("game_id", "STRING", "Canonical game key YYYYMMDD_AWAY_HOME"),
    nullable("nba_game_id", "STRING", "NBA game id from the schedule lookup; null when not found"),
    required("odds_api_event_id", "STRING", "The Odds API event id"),
    nullable("game_start_time", "TIMESTAMP", "Scheduled tip (commence_time, UTC)"),
    nullable("home_team_abbr", "STRING", "Home tricode (mapped from the full team name)"),
    nullable("away_team_abbr", "STRING", "Away tricode (mapped from the full team name)"),
    required("snapshot_timestamp", "TIMESTAMP", "When the odds were captured (historical snapshot time, or fetch time when live)"),
    nullable("minutes_before_tipoff", "INT64", "game_start_time - snapshot_timestamp, in minutes"),
    required("bookmaker_key", "STRING", "Bookmaker key (draftkings, fanduel, ...)"),
    nullable("bookmaker_title", "STRING", "Bookmaker display name"),
    nullable("bookmaker_last_update", "TIMESTAMP", "When the bookmaker last changed its odds"),
    required("market_key", "STRING", "spreads | totals"),
    required("outcome_name", "STRING", "Outcome as published: a full team name (spreads) or Over / Under (totals)"),
    nullable("outcome_team_abbr", "STRING", "Tricode of the outcome's team for spreads; null for totals"),
    nullable("outcome_point", "FLOAT64", "Spread for the team (negative = favourite) or the game total"),
    nullable("outcome_price", "FLOAT64", "Price, decimal odds (1.91)"),
    nullable("outcome_price_american", "INT64", "Price, American odds (-110)"),
    required("data_source", "STRING", "current | historical | backfill | manual"),
    ...rawTechnicalColumns,
  ],
  partitioning: { kind: "time", field: "game_date", requirePartitionFilter: true },
  // DOMAIN §3.1b names no clustering; the context tables read one game's lines per book.
  clustering: ["game_id", "bookmaker_key", "market_key"],
  key: ["game_date", "game_id", "snapshot_timestamp", "bookmaker_key", "market_key", "outcome_name"],
  writeStrategy: "MERGE_UPDATE",
  versionColumn: "processed_at",
});
