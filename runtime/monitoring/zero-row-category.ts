import type { EmptyReason } from "./run-record";

/**
 * Why a run wrote no rows, judged against the schedule (issue 8): no games that day, games not
 * final yet, every record deliberately filtered out, or an empty source on a day with final games
 * (`empty_source`, a failure). `null` when the run wrote rows or failed for another reason.
 */
export type ZeroRowCategory = "no_games" | "not_final" | "empty_source" | "filtered" | "not_captured" | "insufficient_history";

const BY_EMPTY_REASON: Readonly<Record<EmptyReason, ZeroRowCategory>> = {
  no_games_scheduled: "no_games",
  source_not_final: "not_final",
  real_gap: "empty_source",
  // A replay capture without this (non-critical) source for the date: nothing to judge, not a gap.
  not_captured: "not_captured",
  insufficient_history: "insufficient_history",
};

export function zeroRowCategoryOf(outcome: { readonly rowsWritten: number; readonly rowsFiltered?: number; readonly emptyReason?: EmptyReason | null }): ZeroRowCategory | null {
  if (outcome.rowsWritten > 0) return null;
  if (outcome.emptyReason) return BY_EMPTY_REASON[outcome.emptyReason];
  if ((outcome.rowsFiltered ?? 0) > 0) return "filtered";
  return null;
}
