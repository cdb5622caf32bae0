import type { Row } from "../../catalog/derive/row-type";
import type { TableSpec } from "../../catalog/types";
import type { SourceKind } from "../../domain/source-kind";
import type { RunRecord } from "../../monitoring/run-record";
import type { Platform } from "../../platform/platform";
import type { Warehouse } from "../../platform/ports/warehouse";
import { declaredInputsWork, prefetchDeclared, type DeclaredInputsProcessor, type PrefetchedInputs } from "../base/declared-inputs";
import type { WorkOutput } from "../base/work-output";
import { runDeclaredProcessor } from "../base/run-declared";

/** A processor with its inputs type hidden: what the runners (pipeline, serve, phase starter) call. */
export interface RunnableAnalyticsProcessor {
  readonly name: string;
  readonly table: TableSpec;
  run(platform: Platform, gameDate: string, sourceKind: SourceKind, correlationId?: string, prefetched?: PrefetchedInputs): Promise<RunRecord>;
  /** Reads once, for a range of dates, the inputs each date's run would otherwise read again (history windows). */
  prefetch?(warehouse: Warehouse, dates: readonly string[]): Promise<PrefetchedInputs>;
  /**
   * A date's run reads other tables and only its own date of this one, so a range's dates may run
   * together (their writes shared, see CoalescingWarehouse). Absent: one date after another.
   */
  readonly datesTogether?: boolean;
  /** The run's work without the lifecycle (checks, extract, transform, unchanged rows left out), for benches. */
  work(warehouse: Warehouse, gameDate: string, now: Date): Promise<WorkOutput>;
}

export function runnable<Inputs, R extends Row>(definition: DeclaredInputsProcessor<Inputs, R>): RunnableAnalyticsProcessor {
  return {
    name: definition.name,
    table: definition.table,
    datesTogether: !Object.values(definition.inputs).some((input) => input.table === definition.table),
    run: (platform, gameDate, sourceKind, correlationId, prefetched) => runDeclaredProcessor(platform, definition, gameDate, sourceKind, correlationId, prefetched),
    prefetch: (warehouse, dates) => prefetchDeclared(warehouse, definition.inputs, dates),
    work: (warehouse, gameDate, now) => declaredInputsWork(warehouse, definition, gameDate, now),
  };
}
