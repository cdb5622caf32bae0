import type { RunRecord } from "../../monitoring/run-record";
import type { Platform } from "../../platform/platform";
import type { SourceKind } from "../../domain/source-kind";
import type { RunnableAnalyticsProcessor } from "./analytics-processor";

/** Runs one phase-3 processor for one ET date through the shared lifecycle. */
export function runAnalytics(platform: Platform, processor: RunnableAnalyticsProcessor, gameDate: string, sourceKind: SourceKind, correlationId?: string): Promise<RunRecord> {
  return processor.run(platform, gameDate, sourceKind, correlationId);
}
