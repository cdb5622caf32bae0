import type { Row } from "../catalog/derive/row-type";
import { rowAccepted } from "../catalog/derive/row-check";
import { rowSchema } from "../catalog/derive/zod-schema";
import type { TableSpec } from "../catalog/types";
import { WarehouseError } from "./local/warehouse-error";

/** Rows are checked against the catalog schema before they reach the warehouse. */
export function validateRows(table: TableSpec, rows: readonly Row[]): void {
  const schema = rowSchema(table);
  rows.forEach((row, i) => {
    if (rowAccepted(table, row)) return;
    const result = schema.safeParse(row);
    if (!result.success) {
      const issue = result.error.issues[0];
      const field = issue?.path.join(".") ?? "?";
      throw new WarehouseError(
        "ROW_INVALID",
        `row ${i} for ${table.dataset}.${table.name}: field ${field}: ${issue?.message ?? "invalid"} (value ${JSON.stringify(row[field])})`,
      );
    }
  });
}

/** The partition values present in a batch: the MERGE pre-filter of every warehouse. */
export function partitionValuesOf(table: TableSpec, rows: readonly Row[]): string[] {
  if (table.partitioning.kind !== "time") return [];
  const field = table.partitioning.field;
  return [...new Set(rows.map((r) => String(r[field])))].sort();
}
