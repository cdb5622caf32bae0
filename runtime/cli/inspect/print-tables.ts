import { existsSync } from "node:fs";
import { catalog } from "../../catalog/catalog";
import { tableId } from "../../catalog/define-table";
import type { TableSpec } from "../../catalog/types";
import { dataDirKind } from "../../platform/local/data-dir-provenance";
import { DuckDbWarehouse } from "../../platform/local/duckdb-warehouse";
import { FileDocStore } from "../../platform/local/file-doc-store";
import { localPaths } from "../../platform/local/local-platform";
import { ident, sql, tableRef } from "../../platform/sql";
import type { CliIo } from "../cli-io";
import { existingDataDir } from "../data-dir";
import { UsageError } from "../exit-codes";
import { cellText, formatTable } from "../format-table";

export interface TableSummary {
  readonly table: string;
  readonly rows: number;
  readonly first_date: string | null;
  readonly last_date: string | null;
  readonly source_kinds: string[];
}

function dateText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return cellText(value).slice(0, 10);
}

async function summarize(warehouse: DuckDbWarehouse, table: TableSpec): Promise<TableSummary> {
  const dateColumn = table.partitioning.kind === "time" ? ident(table.partitioning.field) : null;
  const [stats] = await warehouse.query(
    dateColumn
      ? sql`SELECT COUNT(*) AS n, MIN(${dateColumn}) AS first_date, MAX(${dateColumn}) AS last_date FROM ${tableRef(table)}`
      : sql`SELECT COUNT(*) AS n, NULL AS first_date, NULL AS last_date FROM ${tableRef(table)}`,
  );
  const kinds = await warehouse.query(sql`SELECT DISTINCT source_kind FROM ${tableRef(table)} ORDER BY source_kind`);
  return {
    table: tableId(table),
    rows: Number(stats?.n ?? 0),
    first_date: dateText(stats?.first_date),
    last_date: dateText(stats?.last_date),
    source_kinds: kinds.map((k) => String(k.source_kind)),
  };
}

/** `nba-props tables`: every catalog table, its row count, date range and source kinds. */
export async function printTables(io: CliIo, dataDirFlagValue: string, json: boolean): Promise<void> {
  const dataDir = existingDataDir(dataDirFlagValue);
  const paths = localPaths(dataDir);
  if (!existsSync(paths.warehouse)) throw new UsageError(`no warehouse at ${paths.warehouse}; run nba-props pipeline first or pass --data-dir`);
  const kind = await dataDirKind(new FileDocStore(paths.docStore));
  const warehouse = await DuckDbWarehouse.open({ path: paths.warehouse, readOnly: true });
  const tables: TableSummary[] = [];
  try {
    for (const table of catalog.tables) tables.push(await summarize(warehouse, table));
  } finally {
    await warehouse.close();
  }
  if (json) {
    io.stdout.write(`${JSON.stringify({ data_dir: dataDir, source_kind: kind, tables })}\n`);
    return;
  }
  io.stdout.write(`${dataDir} holds ${kind ?? "no"} data\n`);
  io.stdout.write(
    `${formatTable(
      ["table", "rows", "first date", "last date", "source"],
      tables.map((t) => [t.table, String(t.rows), t.first_date ?? "", t.last_date ?? "", t.source_kinds.join(",")]),
    )}\n`,
  );
}
