import type { Phase } from "../catalog/types";
import type { SourceKind } from "../domain/source-kind";
import type { ZeroRowCategory } from "./zero-row-category";

export type RunStatus = "running" | "success" | "partial" | "no_data" | "failed";
export type FinalRunStatus = Exclude<RunStatus, "running">;

/**
 * Why a run wrote nothing (RELIABILITY row 1): only a real gap is a failure. `not_captured`: a replay
 * directory lacks an optional (non-critical) source for a date. `insufficient_history`: a phase-4
 * window lacks games yet, the documented skip (DOMAIN §3.4).
 */
export type EmptyReason = "no_games_scheduled" | "source_not_final" | "real_gap" | "not_captured" | "insufficient_history";

/** One record per run, with one final status (RELIABILITY row 14). */
export interface RunRecord {
  readonly run_id: string;
  readonly processor_name: string;
  readonly phase: Phase;
  /** The scope the run covered: an ET game date, or a season label for season-scoped scrapers. */
  readonly scope: string;
  readonly game_date: string;
  readonly correlation_id: string;
  readonly trigger_source: "manual" | "pubsub" | "scheduler" | "orchestrator";
  /** Where the run's data came from (sim, replay, http): the same value its rows carry. */
  readonly source_kind: SourceKind;
  /** The process that owns the run while it is `running`, so a run left by a dead process can be closed. */
  readonly owner_pid: number;
  readonly owner_host: string;
  readonly status: RunStatus;
  readonly started_at: string;
  readonly finished_at: string | null;
  readonly duration_ms: number | null;
  readonly records_received: number | null;
  readonly rows_written: number;
  readonly rows_inserted: number;
  readonly rows_updated: number;
  readonly rows_quarantined: number;
  readonly rows_filtered: number;
  readonly empty_reason: EmptyReason | null;
  /** Records the run read from its input (rows produced + quarantined + filtered); null when it read nothing. */
  readonly rows_read?: number | null;
  /** Rows the write left alone because they were already stored (INSERT_NEW_ONLY, APPEND_ALWAYS, CHECK_BEFORE_INSERT). */
  readonly rows_skipped?: number;
  /** Why nothing was written, against the schedule; null when rows were written. */
  readonly zero_row_category?: ZeroRowCategory | null;
  /** Final games of the schedule the input did not cover (NBA game ids): the run is `partial`. */
  readonly missing_games?: readonly string[];
  /** Keys of the records quarantined by a run that still loaded its good rows (within the table's tolerance). */
  readonly affected_keys?: readonly string[];
  /** SHA-256 of the input the run processed: the same input again is skipped once it has been loaded. */
  readonly input_hash?: string | null;
  /** The earlier run that already loaded this very input (this run wrote nothing). */
  readonly duplicate_of?: string | null;
  readonly error_type: string | null;
  readonly error_message: string | null;
  readonly expire_at: string;
}
