import type { TableSpec } from "../../catalog/types";
import { arrayParam, ident, identList, inArray, join, sql, tableRef, type SqlFragment, type SqlScalar } from "./fragment";

/**
 * Where the rows to merge come from: a staging table in the target's dataset holding the
 * batch-loaded rows, or a SELECT that reads them directly (one statement, no staging round trip).
 */
export type MergeSource = { readonly stagingTable: string } | { readonly select: SqlFragment };

export interface MergePlan {
  readonly target: TableSpec;
  readonly source: MergeSource;
  /** Every partition value present in the staged rows (the ON-clause pre-filter). */
  readonly partitionValues: readonly SqlScalar[];
  /** How rows are matched and what a match does; the catalog key and an update by default. */
  readonly mode?: MergeMode;
}

/**
 * `upsert` (MERGE_UPDATE): a match updates it. `insert_new` (INSERT_NEW_ONLY, APPEND_ALWAYS): a
 * match is left alone and only unmatched rows are inserted; `matchOn` replaces the catalog key.
 */
export type MergeMode = { readonly kind: "upsert" } | { readonly kind: "insert_new"; readonly matchOn?: readonly string[] };

/** Columns a MERGE never overwrites on a match: the key, and when the row was first written. */
const IMMUTABLE_ON_UPDATE = new Set(["created_at"]);

/**
 * MERGE generated from the catalog (DOMAIN §3.0 MERGE_UPDATE): dedupe the staged rows to one per
 * key (newest version column wins), pre-filter the target partitions in the ON clause, update
 * every non-key column on a match, insert new keys, never delete.
 */
/** The columns a MERGE matches staged rows on: the catalog key, or an `insert_new` mode's own. */
export function mergeMatchColumns(target: TableSpec, mode: MergeMode = { kind: "upsert" }): readonly string[] {
  return mode.kind === "insert_new" && mode.matchOn ? mode.matchOn : target.key;
}

export function buildMerge(plan: MergePlan): SqlFragment {
  const { target } = plan;
  const mode = plan.mode ?? { kind: "upsert" };
  const matchOn = mergeMatchColumns(target, mode);
  if (matchOn.length === 0) throw new Error(`merge: ${target.dataset}.${target.name} has no key`);
  const columns = target.columns.map((c) => c.name);
  const unknown = matchOn.filter((c) => !columns.includes(c));
  if (unknown.length > 0) throw new Error(`merge: ${target.dataset}.${target.name} has no column ${unknown.join(", ")} to match on`);
  const updatable = columns.filter((c) => !target.key.includes(c) && !IMMUTABLE_ON_UPDATE.has(c));
  const rows = "stagingTable" in plan.source ? sql`SELECT * FROM ${tableRef({ dataset: target.dataset, name: plan.source.stagingTable })}` : sql`SELECT * FROM (${plan.source.select})`;

  const keyMatch = matchOn.map((k) => sql`target.${ident(k)} = source.${ident(k)}`);
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
  const whenMatched = mode.kind === "upsert" ? sql`\nWHEN MATCHED THEN UPDATE SET ${updateSet}` : sql``;
  return sql`MERGE INTO ${tableRef(target)} AS target
USING (
  ${rows}
  WHERE TRUE
  QUALIFY ROW_NUMBER() OVER (PARTITION BY ${identList(matchOn)} ORDER BY ${ident(target.versionColumn)} DESC) = 1
) AS source
ON ${join(keyMatch, " AND ")}${whenMatched}
WHEN NOT MATCHED THEN INSERT (${identList(columns)}) VALUES (${identList(columns, "source")})`;
}
