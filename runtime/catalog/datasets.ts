import type { DatasetName } from "./types";

export interface DatasetSpec {
  readonly name: DatasetName;
  readonly description: string;
  /**
   * How far back BigQuery time travel (`FOR SYSTEM_TIME AS OF`, undeleting a table) reaches: 48 to
   * 168 hours in whole days. Seven days where a bad write cannot be rebuilt from a source; two
   * where everything is recomputed from other datasets anyway.
   */
  readonly timeTravelHours: number;
}

export const datasets: readonly DatasetSpec[] = [
  { name: "nba_raw", description: "Parsed source payloads, one table per source and grain.", timeTravelHours: 168 },
  { name: "nba_reference", description: "Reference data: the player registry and aliases.", timeTravelHours: 168 },
  { name: "nba_analytics", description: "Per-game analytics built from raw tables (phase 3).", timeTravelHours: 168 },
  { name: "nba_precompute", description: "Per-date precomputed aggregates (phase 4).", timeTravelHours: 48 },
  { name: "nba_predictions", description: "The feature store and predictions (phases 4-5).", timeTravelHours: 168 },
  { name: "nba_orchestration", description: "Validation results and run records.", timeTravelHours: 48 },
];
