import type { Row } from "../../catalog/derive/row-type";
import type { TableSpec } from "../../catalog/types";
import type { Warehouse } from "../../platform/ports/warehouse";

export interface TransformContext {
  readonly gameDate: string;
  readonly processedAt: string;
}

export interface TransformResult<R extends Row = Row> {
  readonly rows: R[];
  /** Rows a complete day would have; fewer makes the run partial. */
  readonly expectedRows: number;
}

/** A phase-3 processor: what it reads for a date (extract) and a pure transform to its table's rows. */
export interface AnalyticsProcessorDefinition<Inputs> {
  readonly name: string;
  readonly table: TableSpec;
  extract(warehouse: Warehouse, gameDate: string): Promise<Inputs>;
  transform(inputs: Inputs, context: TransformContext): TransformResult;
}

/** A processor with its inputs type hidden: extract then transform, as one step the runner calls. */
export interface RunnableAnalyticsProcessor {
  readonly name: string;
  readonly table: TableSpec;
  produce(warehouse: Warehouse, context: TransformContext): Promise<TransformResult>;
}

export function runnable<Inputs>(definition: AnalyticsProcessorDefinition<Inputs>): RunnableAnalyticsProcessor {
  return {
    name: definition.name,
    table: definition.table,
    produce: async (warehouse, context) => definition.transform(await definition.extract(warehouse, context.gameDate), context),
  };
}
