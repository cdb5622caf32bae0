import { catalog } from "../../catalog/catalog";
import { quarantineToleranceOf, tableId, writeStrategyOf } from "../../catalog/define-table";
import type { TableSpec } from "../../catalog/types";
import type { CliIo } from "../cli-io";
import { UsageError } from "../exit-codes";
import { formatTable } from "../format-table";

function findTable(name: string): TableSpec {
  const table = catalog.tables.find((t) => tableId(t) === name);
  if (table) return table;
  const similar = catalog.tables.filter((t) => t.name === name || tableId(t).includes(name)).map(tableId);
  const hint = similar.length > 0 ? `did you mean ${similar.join(", ")}?` : "nba-props tables lists every table";
  throw new UsageError(`no catalog table "${name}" (expected dataset.table); ${hint}`);
}

function partitioningText(table: TableSpec): string {
  const p = table.partitioning;
  if (p.kind === "none") return `none (${p.reason})`;
  return `by day on ${p.field}${p.requirePartitionFilter ? ", partition filter required" : ""}${p.expirationDays ? `, expires after ${p.expirationDays} days` : ""}`;
}

/** `nba-props describe dataset.table`: the catalog's own description of a table. */
export function printDescription(io: CliIo, name: string, json: boolean): void {
  const table = findTable(name);
  if (json) {
    io.stdout.write(`${JSON.stringify({ table: tableId(table), ...table, writeStrategy: writeStrategyOf(table), quarantineTolerance: quarantineToleranceOf(table) })}\n`);
    return;
  }
  io.stdout.write(
    [
      `${tableId(table)}: ${table.description}`,
      `key:           ${table.key.join(", ")}`,
      `partitioning:  ${partitioningText(table)}`,
      `clustering:    ${table.clustering.join(", ") || "none"}`,
      `write:         ${writeStrategyOf(table)} (newest by ${table.versionColumn}), quarantine tolerance ${quarantineToleranceOf(table)}`,
      "",
      formatTable(
        ["column", "type", "mode", "description"],
        table.columns.map((c) => [c.name, c.type, c.mode, c.description]),
      ),
      "",
    ].join("\n"),
  );
}
