import { derivedTechnicalColumns, nullable, repeated, required, sourceTracking } from "../columns";
import { defineTable } from "../define-table";

export const mlFeatureStoreV2 = defineTable({
  dataset: "nba_predictions",
  name: "ml_feature_store_v2",
  description: "The 33-feature vector per player and game day that the prediction models read (DOMAIN §3.5).",
  columns: [
    required("game_date", "DATE", "Prediction day (ET game date)"),
    required("player_lookup", "STRING", "Normalised player key (DOMAIN §2)"),
    nullable("universal_player_id", "STRING", "Registry id {player_lookup}_{NNN}"),
    required("game_id", "STRING", "Canonical game key YYYYMMDD_AWAY_HOME"),
    required("season_year", "INT64", "Season start year"),
    repeated("features", "FLOAT64", "Feature values in feature_names order (33)"),
    repeated("feature_names", "STRING", "Feature names, index-aligned with features"),
    repeated("feature_sources", "STRING", "Per feature, index-aligned: phase4 | phase3 | not_available (nothing can exist for the player yet: too few games, no line posted) | default (a gap)"),
    required("feature_count", "INT64", "Number of features (33)"),
    required("feature_version", "STRING", "Feature layout version (v2_33features)"),
    required("feature_quality_score", "NUMERIC", "Mean per-feature source weight, 0-100 (Phase 4 100, Phase 3 87, default 40)"),
    required("quality_tier", "STRING", "high (>= 95) | medium (>= 70) | low"),
    required("data_source", "STRING", "phase4 | phase4_partial | phase3 | mixed"),
    nullable("opponent_team_abbr", "STRING", "Opponent team"),
    nullable("is_home", "BOOL", "Player's team plays at home"),
    nullable("days_rest", "INT64", "Days since the player's previous game"),
    required("is_production_ready", "BOOL", "Every upstream met its completeness threshold"),
    ...sourceTracking("source_daily_cache", "nba_precompute.player_daily_cache"),
    ...sourceTracking("source_composite", "nba_precompute.player_composite_factors"),
    ...sourceTracking("source_shot_zone", "nba_precompute.player_shot_zone_analysis"),
    ...sourceTracking("source_team_defense_zone", "nba_precompute.team_defense_zone_analysis"),
    nullable("updated_at", "TIMESTAMP", "When MERGE last replaced the row (UTC); null until then"),
    ...derivedTechnicalColumns,
  ],
  partitioning: { kind: "time", field: "game_date", requirePartitionFilter: true },
  clustering: ["player_lookup", "feature_version", "game_date"],
  key: ["game_date", "player_lookup"],
  writeStrategy: "MERGE_UPDATE",
  // DOMAIN §3.5: MERGE keeps the row with the newest created_at.
  versionColumn: "created_at",
});
