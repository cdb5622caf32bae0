import type { ColumnSpec, ColumnType, TableSpec, WriteStrategy } from "./types";

/** BigQuery allows at most four clustering columns. */
export const MAX_CLUSTERING_COLUMNS = 4;

export type TableDefinition<C extends readonly ColumnSpec[]> = TableSpec & { readonly columns: C };

/**
 * Declares a table and checks it is internally consistent (keys, clustering and partition field
 * are real columns), so a typo in the catalog fails at load time instead of in a deploy.
 */
export function defineTable<const C extends readonly ColumnSpec[]>(spec: Omit<TableSpec, "columns"> & { readonly columns: C }): TableDefinition<C> {
  const names = new Set<string>();
  for (const column of spec.columns) {
    if (names.has(column.name)) throw new Error(`catalog: ${spec.dataset}.${spec.name} declares column ${column.name} twice`);
    names.add(column.name);
  }
  const mustExist = (what: string, column: string): void => {
    if (!names.has(column)) throw new Error(`catalog: ${spec.dataset}.${spec.name} ${what} "${column}" is not a column`);
  };
  spec.key.forEach((k) => mustExist("key column", k));
  spec.clustering.forEach((c) => mustExist("clustering column", c));
  mustExist("version column", spec.versionColumn);
  if (spec.clustering.length > MAX_CLUSTERING_COLUMNS) {
    throw new Error(`catalog: ${spec.dataset}.${spec.name} clusters on ${spec.clustering.length} columns; BigQuery allows ${MAX_CLUSTERING_COLUMNS}`);
  }
  const tolerance = spec.quarantineTolerance;
  if (tolerance !== undefined && !(tolerance >= 0 && tolerance <= 1)) {
    throw new Error(`catalog: ${spec.dataset}.${spec.name} quarantineTolerance must be a share between 0 and 1, got ${tolerance}`);
  }
  const partitioning = spec.partitioning;
  if (partitioning.kind === "time") {
    mustExist("partition field", partitioning.field);
    const type = spec.columns.find((c) => c.name === partitioning.field)?.type;
    const partitionable: readonly ColumnType[] = ["DATE", "TIMESTAMP"];
    if (type === undefined || !partitionable.includes(type)) {
      throw new Error(`catalog: ${spec.dataset}.${spec.name} partition field must be DATE or TIMESTAMP`);
    }
    if (!partitioning.requirePartitionFilter && !partitioning.requirePartitionFilterWaiver) {
      throw new Error(`catalog: ${spec.dataset}.${spec.name} does not require a partition filter and gives no reason`);
    }
  }
  return spec;
}

/** How a table's rows are written (DOMAIN §3.0); MERGE_UPDATE unless the table declares otherwise. */
export function writeStrategyOf(table: Pick<TableSpec, "writeStrategy">): WriteStrategy {
  return table.writeStrategy ?? "MERGE_UPDATE";
}

/** The share of a run's records a table lets quarantine while the good rows load (DOMAIN §3.0; default 0). */
export function quarantineToleranceOf(table: Pick<TableSpec, "quarantineTolerance">): number {
  return table.quarantineTolerance ?? 0;
}

export function tableId(table: Pick<TableSpec, "dataset" | "name">): string {
  return `${table.dataset}.${table.name}`;
}
