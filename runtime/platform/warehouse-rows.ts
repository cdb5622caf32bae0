import type { Row } from "../catalog/derive/row-type";
import { rowAccepted } from "../catalog/derive/row-check";
import { rowSchema } from "../catalog/derive/zod-schema";
import { isTableView } from "../catalog/derive/table-view";
import type { TableSpec } from "../catalog/types";
import { WarehouseError } from "./local/warehouse-error";

/** Rows are checked against the catalog schema before they reach the warehouse; a view of some columns is never written. */
export function validateRows(table: TableSpec, rows: readonly Row[]): void {
  if (isTableView(table)) throw new WarehouseError("ROW_INVALID", `${table.dataset}.${table.name}: a view of some of its columns is for reading; write the table's whole rows`);
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
