import { catalog } from "../../catalog/catalog";
import type { RunRecord } from "../../monitoring/run-record";
import type { Platform } from "../../platform/platform";
import type { SourceKind } from "../../domain/source-kind";
import { emptyReasonFor, scheduleDay } from "../base/empty-reason";
import { runProcessor } from "../base/run-processor";
import type { RunnableAnalyticsProcessor } from "./analytics-processor";

/** Runs one phase-3 processor for one ET date through the shared lifecycle. */
export async function runAnalytics(platform: Platform, processor: RunnableAnalyticsProcessor, gameDate: string, sourceKind: SourceKind, correlationId?: string): Promise<RunRecord> {
  const spec = catalog.processors.find((p) => p.name === processor.name);
  if (!spec) throw new Error(`analytics processor ${processor.name} is not in the catalog`);
  return runProcessor(platform, {
    spec,
    table: processor.table,
    scope: gameDate,
    gameDate,
    sourceKind,
    correlationId,
    work: async () => {
      const result = await processor.produce(platform.warehouse, { gameDate, processedAt: platform.clock.now().toISOString() });
      const emptyReason = result.rows.length === 0 ? emptyReasonFor(await scheduleDay(platform.warehouse, gameDate)) : undefined;
      return { rows: result.rows, quarantined: [], expectedRows: result.expectedRows, emptyReason };
    },
  });
}
