import type { TableSpec } from "../../catalog/types";
import { arrayParam, ident, identList, inArray, join, sql, tableRef, type SqlFragment, type SqlScalar } from "./fragment";

export interface MergePlan {
  readonly target: TableSpec;
  /** Staging table in the same dataset holding the batch-loaded rows. */
  readonly stagingTable: string;
  /** Every partition value present in the staged rows (the ON-clause pre-filter). */
  readonly partitionValues: readonly SqlScalar[];
}

/** Columns a MERGE never overwrites on a match: the key, and when the row was first written. */
const IMMUTABLE_ON_UPDATE = new Set(["created_at"]);

/**
 * MERGE generated from the catalog (DOMAIN §3.0 MERGE_UPDATE): dedupe the staged rows to one per
 * key (newest version column wins), pre-filter the target partitions in the ON clause, update
 * every non-key column on a match, insert new keys, never delete.
 */
export function buildMerge(plan: MergePlan): SqlFragment {
  const { target } = plan;
  if (target.key.length === 0) throw new Error(`merge: ${target.dataset}.${target.name} has no key`);
  const columns = target.columns.map((c) => c.name);
  const updatable = columns.filter((c) => !target.key.includes(c) && !IMMUTABLE_ON_UPDATE.has(c));
  const staging = tableRef({ dataset: target.dataset, name: plan.stagingTable });

  const keyMatch = target.key.map((k) => sql`target.${ident(k)} = source.${ident(k)}`);
  if (target.partitioning.kind === "time") {
    const field = target.partitioning.field;
    const fieldType = target.columns.find((c) => c.name === field)?.type ?? "DATE";
    if (plan.partitionValues.length === 0) throw new Error(`merge: ${target.dataset}.${target.name} needs the staged partition values`);
    keyMatch.push(sql`${inArray(sql`target.${ident(field)}`, arrayParam("partition_values", plan.partitionValues, fieldType))}`);
  }

  const updateSet = join(
    updatable.map((c) => sql`${ident(c)} = source.${ident(c)}`),
    ", ",
  );
  return sql`MERGE INTO ${tableRef(target)} AS target
USING (
  SELECT * FROM ${staging}
  WHERE TRUE
  QUALIFY ROW_NUMBER() OVER (PARTITION BY ${identList(target.key)} ORDER BY ${ident(target.versionColumn)} DESC) = 1
) AS source
ON ${join(keyMatch, " AND ")}
WHEN MATCHED THEN UPDATE SET ${updateSet}
WHEN NOT MATCHED THEN INSERT (${identList(columns)}) VALUES (${identList(columns, "source")})`;
}
