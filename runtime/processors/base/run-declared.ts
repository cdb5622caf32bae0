import { catalog } from "../../catalog/catalog";
import type { Row } from "../../catalog/derive/row-type";
import type { SourceKind } from "../../domain/source-kind";
import type { RunRecord } from "../../monitoring/run-record";
import type { Platform } from "../../platform/platform";
import { declaredInputsWork, type DeclaredInputsProcessor, type PrefetchedInputs } from "./declared-inputs";
import { runProcessor } from "./run-processor";

/**
 * Runs one declared-inputs processor (phase 3 or 4) for one ET date through the shared lifecycle;
 * inside a range run, with the inputs the range read once (`prefetched`).
 */
export async function runDeclaredProcessor<Inputs, R extends Row>(
  platform: Platform,
  processor: DeclaredInputsProcessor<Inputs, R>,
  gameDate: string,
  sourceKind: SourceKind,
  correlationId?: string,
  prefetched?: PrefetchedInputs,
): Promise<RunRecord> {
  const spec = catalog.processors.find((p) => p.name === processor.name);
  if (!spec) throw new Error(`processor ${processor.name} is not in the catalog`);
  return runProcessor(platform, {
    spec,
    table: processor.table,
    scope: gameDate,
    gameDate,
    sourceKind,
    correlationId,
    work: () => declaredInputsWork(platform.warehouse, processor, gameDate, platform.clock.now(), prefetched),
  });
}
