import type { Phase } from "../catalog/types";

/** A pipeline line for a processor that was not run (the pipeline's `blocked` status), saying why. */
export interface NotRunLine {
  readonly phase: Phase;
  readonly processor: string;
  readonly scope: string;
  readonly status: "blocked";
  readonly rows_written: 0;
  readonly rows_quarantined: 0;
  readonly duration_ms: 0;
  readonly error_message: string;
  readonly rows_read: null;
  readonly zero_row_category: null;
  readonly missing_games: readonly string[];
}

export function notRunLine(phase: Phase, processor: string, scope: string, why: string): NotRunLine {
  return {
    phase,
    processor,
    scope,
    status: "blocked",
    rows_written: 0,
    rows_quarantined: 0,
    duration_ms: 0,
    error_message: `not run: ${why}`,
    rows_read: null,
    zero_row_category: null,
    missing_games: [],
  };
}
