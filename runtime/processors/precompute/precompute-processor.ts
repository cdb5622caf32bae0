import type { Row } from "../../catalog/derive/row-type";
import type { TableSpec } from "../../catalog/types";
import { seasonYearForDate } from "../../domain/season";
import type { Warehouse } from "../../platform/ports/warehouse";

export interface PrecomputeContext {
  /** Analysis dates, ascending; one run computes all of them from one extract. */
  readonly dates: readonly string[];
  readonly processedAt: string;
  /** Today in ET: dates before it are backfill (DOMAIN §3.5 lowers the MLFS player minimum). */
  readonly today: string;
}

/**
 * A phase-4 processor: one extract for a whole range of analysis dates (a handful of set-based
 * reads of the history windows, not one query per date) and a pure transform that computes every
 * date's rows from it, each date seeing only games before it. Rows for a range are therefore the
 * rows of date-by-date runs.
 */
export interface PrecomputeProcessorDefinition<Inputs> {
  readonly name: string;
  readonly table: TableSpec;
  extract(warehouse: Warehouse, dates: readonly string[]): Promise<Inputs>;
  transform(inputs: Inputs, context: PrecomputeContext): Row[];
}

export interface RunnablePrecomputeProcessor {
  readonly name: string;
  readonly table: TableSpec;
  produce(warehouse: Warehouse, context: PrecomputeContext): Promise<Row[]>;
}

export function runnablePrecompute<Inputs>(definition: PrecomputeProcessorDefinition<Inputs>): RunnablePrecomputeProcessor {
  return {
    name: definition.name,
    table: definition.table,
    produce: async (warehouse, context) => definition.transform(await definition.extract(warehouse, context.dates), context),
  };
}

export interface HistoryBounds {
  /** First day of the earliest season the dates fall in (seasons run October to September). */
  readonly seasonFrom: string;
  /** The latest analysis date: history reads stop before it. */
  readonly last: string;
  /**
   * The first day after the latest date's season: schedule reads take whole seasons, so who plays
   * in a season does not depend on how far a run reaches (the schedule is known before any game;
   * only dates, teams and ids are used from it, never results).
   */
  readonly seasonEnd: string;
}

export function historyBounds(dates: readonly string[], seasonsBack = 0): HistoryBounds {
  if (dates.length === 0) throw new Error("precompute: no analysis dates");
  const sorted = [...dates].sort();
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  return { seasonFrom: `${seasonYearForDate(first) - seasonsBack}-10-01`, last, seasonEnd: `${seasonYearForDate(last) + 1}-10-01` };
}
