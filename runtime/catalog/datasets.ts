import type { DatasetName } from "./types";

export interface DatasetSpec {
  readonly name: DatasetName;
  readonly description: string;
}

export const datasets: readonly DatasetSpec[] = [
  { name: "nba_raw", description: "Parsed source payloads, one table per source and grain." },
  { name: "nba_reference", description: "Reference data: the player registry and aliases." },
  { name: "nba_analytics", description: "Per-game analytics built from raw tables (phase 3)." },
  { name: "nba_precompute", description: "Per-date precomputed aggregates (phase 4)." },
  { name: "nba_predictions", description: "The feature store and predictions (phases 4-5)." },
  { name: "nba_orchestration", description: "Validation results and run records." },
];
