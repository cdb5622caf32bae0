import type { ColumnMode, ColumnSpec, ColumnType } from "./types";

/** A column whose name, type and mode stay literal types, so row types can be derived from tables. */
export interface Column<N extends string, T extends ColumnType, M extends ColumnMode> extends ColumnSpec {
  readonly name: N;
  readonly type: T;
  readonly mode: M;
}

export function required<const N extends string, const T extends ColumnType>(name: N, type: T, description: string): Column<N, T, "REQUIRED"> {
  return { name, type, mode: "REQUIRED", description };
}

export function nullable<const N extends string, const T extends ColumnType>(name: N, type: T, description: string): Column<N, T, "NULLABLE"> {
  return { name, type, mode: "NULLABLE", description };
}

export function repeated<const N extends string, const T extends ColumnType>(name: N, type: T, description: string): Column<N, T, "REPEATED"> {
  return { name, type, mode: "REPEATED", description };
}

/** Box-score counting stats as the raw tables store them (DOMAIN §3.1 "Stats"). */
export const rawStatColumns = [
  nullable("points", "INT64", "Points scored"),
  nullable("field_goals_made", "INT64", "Field goals made (2PT + 3PT)"),
  nullable("field_goals_attempted", "INT64", "Field goals attempted"),
  nullable("three_pointers_made", "INT64", "Three-pointers made"),
  nullable("three_pointers_attempted", "INT64", "Three-pointers attempted"),
  nullable("free_throws_made", "INT64", "Free throws made"),
  nullable("free_throws_attempted", "INT64", "Free throws attempted"),
  nullable("offensive_rebounds", "INT64", "Offensive rebounds"),
  nullable("defensive_rebounds", "INT64", "Defensive rebounds"),
  nullable("total_rebounds", "INT64", "Total rebounds"),
  nullable("assists", "INT64", "Assists"),
  nullable("steals", "INT64", "Steals"),
  nullable("blocks", "INT64", "Blocks"),
  nullable("turnovers", "INT64", "Turnovers (TOV in leaguegamelog, TO in boxscore)"),
  nullable("personal_fouls", "INT64", "Personal fouls"),
  nullable("plus_minus", "INT64", "Plus-minus while on the floor"),
] as const;

/** Provenance of every stored row: set by the lifecycle from the run's source, never by a transform. */
export const sourceKindColumn = required("source_kind", "STRING", "Where the data came from: sim (generated), replay (captured payloads) or http (live); a data dir holds one kind");

/** Columns every raw row carries (DOMAIN §2 technical fields). */
export const rawTechnicalColumns = [
  sourceKindColumn,
  required("source_file_path", "STRING", "Object-store path of the payload this row was parsed from"),
  required("data_hash", "STRING", "First 16 hex of SHA-256 over the row's hash fields"),
  required("processed_at", "TIMESTAMP", "When this version of the row was produced (UTC)"),
  required("created_at", "TIMESTAMP", "When the row was first written (UTC); kept on update"),
] as const;

/** Columns every analytics / precompute row carries. */
export const derivedTechnicalColumns = [
  sourceKindColumn,
  required("data_hash", "STRING", "First 16 hex of SHA-256 over the row's hash fields"),
  required("processed_at", "TIMESTAMP", "When this version of the row was produced (UTC)"),
  required("created_at", "TIMESTAMP", "When the row was first written (UTC); kept on update"),
] as const;

/**
 * Dependency tracking for one upstream table (DOMAIN §2): `<prefix>_last_updated`,
 * `_rows_found`, `_completeness_pct`, `_hash`.
 */
export function sourceTracking<const P extends string>(prefix: P, upstream: string) {
  return [
    nullable(`${prefix}_last_updated`, "TIMESTAMP", `Newest processed_at seen in ${upstream}`),
    nullable(`${prefix}_rows_found`, "INT64", `Rows read from ${upstream}`),
    nullable(`${prefix}_completeness_pct`, "NUMERIC", `Rows found / rows expected from ${upstream}, percent`),
    nullable(`${prefix}_hash`, "STRING", `Hash over the ${upstream} rows used`),
  ] as const;
}
