import type { TableSpec } from "../../catalog/types";
import { arrayParam, ident, identList, inArray, sql, tableRef, type SqlFragment, type SqlScalar } from "./fragment";

/**
 * SELECT columns of a partitioned table restricted to some partitions. Every query on a
 * partitioned table must filter on its partition field (BigQuery tables require it).
 */
export function selectPartitions(table: TableSpec, partitionValues: readonly SqlScalar[], columns?: readonly string[]): SqlFragment {
  if (table.partitioning.kind !== "time") throw new Error(`select: ${table.dataset}.${table.name} is not partitioned`);
  const field = table.partitioning.field;
  const fieldType = table.columns.find((c) => c.name === field)?.type ?? "DATE";
  const cols = columns ?? table.columns.map((c) => c.name);
  return sql`SELECT ${identList(cols)} FROM ${tableRef(table)} WHERE ${inArray(sql`${ident(field)}`, arrayParam("partition_values", partitionValues, fieldType))}`;
}
