import { randomUUID } from "node:crypto";
import type { TableSpec } from "../../../runtime/catalog/types";

/** A small partitioned table with every scalar type the catalog uses, named uniquely per suite. */
export function contractTable(): TableSpec {
  return {
    dataset: "nba_raw",
    name: `contract_${randomUUID().replace(/-/g, "").slice(0, 10)}`,
    description: "Contract-suite table.",
    columns: [
      { name: "game_date", type: "DATE", mode: "REQUIRED", description: "" },
      { name: "game_id", type: "STRING", mode: "REQUIRED", description: "" },
      { name: "points", type: "INT64", mode: "NULLABLE", description: "" },
      { name: "rating", type: "NUMERIC", mode: "NULLABLE", description: "" },
      { name: "pace", type: "FLOAT64", mode: "NULLABLE", description: "" },
      { name: "is_final", type: "BOOL", mode: "REQUIRED", description: "" },
      { name: "processed_at", type: "TIMESTAMP", mode: "REQUIRED", description: "" },
      { name: "created_at", type: "TIMESTAMP", mode: "REQUIRED", description: "" },
    ],
    partitioning: { kind: "time", field: "game_date", requirePartitionFilter: true },
    clustering: ["game_id"],
    key: ["game_id"],
    writeStrategy: "MERGE_UPDATE",
    versionColumn: "processed_at",
  };
}

export function contractRow(gameId: string, points: number | null, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    game_date: "2025-03-15",
    game_id: gameId,
    points,
    rating: 112.5,
    pace: 98.25,
    is_final: true,
    processed_at: "2025-03-16T10:00:00.000Z",
    created_at: "2025-03-16T10:00:00.000Z",
    ...overrides,
  };
}
