import type { ColumnSpec, TableSpec } from "../types";

type ColumnNamed<C extends readonly ColumnSpec[], N extends string> = Extract<C[number], { readonly name: N }>;

/**
 * Some of a table's columns, for reads that need only those: the same table (dataset, name,
 * partitioning, key), so reads, counts and the read cache treat it as the table, but a row type of
 * the chosen columns only. Never written: the warehouse refuses a view's rows (warehouse-rows).
 */
export type TableView<T extends TableSpec, N extends string> = Omit<T, "columns"> & {
  readonly columns: readonly ColumnNamed<T["columns"], N>[];
  /** The whole table this view reads from. */
  readonly viewOf: TableSpec;
};

/** A read of `names` (kept in catalog order) from the table; a name that is not a column fails at load time. */
export function tableView<T extends TableSpec, const N extends T["columns"][number]["name"]>(table: T, names: readonly N[]): TableView<T, N> {
  const wanted = new Set<string>(names);
  for (const name of wanted) {
    if (!table.columns.some((c) => c.name === name)) throw new Error(`catalog: view of ${table.dataset}.${table.name} names "${name}", which is not a column`);
  }
  if (table.partitioning.kind === "time" && !wanted.has(table.partitioning.field)) {
    // Windowed reads of held rows filter on the partition field.
    throw new Error(`catalog: view of ${table.dataset}.${table.name} must keep its partition field ${table.partitioning.field}`);
  }
  const columns = table.columns.filter((c) => wanted.has(c.name)) as unknown as readonly ColumnNamed<T["columns"], N>[];
  return { ...table, columns, viewOf: table };
}

/** Whether a table spec is a view of some of a table's columns (see tableView). */
export function isTableView(table: TableSpec): boolean {
  return "viewOf" in table;
}
