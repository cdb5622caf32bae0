import type { Row } from "../../catalog/derive/row-type";
import type { TableSpec } from "../../catalog/types";
import type { Dialect } from "../sql/dialect";
import type { SqlFragment } from "../sql/fragment";
import type { MergeMode } from "../sql/merge";

export interface MergeResult {
  readonly inserted: number;
  readonly updated: number;
}

/** Who a warehouse job runs for; on BigQuery these become job labels (processor and run). */
export interface JobLabels {
  readonly processor: string;
  readonly run: string;
}

/**
 * The analytical store. Writes are batch loads (never streaming inserts), MERGE is generated
 * from the catalog key, and every statement is counted so a run can report its cost.
 */
export interface Warehouse {
  readonly dialect: Dialect;
  /** Creates datasets and tables that do not exist yet, from the catalog. */
  ensureTables(tables: readonly TableSpec[]): Promise<void>;
  /** A parameterized read. Rows come back as plain values: numbers, booleans, ISO strings. */
  query(statement: SqlFragment, labels?: JobLabels): Promise<Row[]>;
  /** Batch-loads rows and appends them (APPEND_ALWAYS / INSERT_NEW_ONLY after filtering). */
  append(table: TableSpec, rows: readonly Row[], labels?: JobLabels): Promise<number>;
  /**
   * Batch-loads rows into staging and MERGEs them on the table's key (or, with an `insert_new`
   * mode, inserts only the rows not yet there). Fails loudly; no fallback.
   */
  merge(table: TableSpec, rows: readonly Row[], labels?: JobLabels, mode?: MergeMode): Promise<MergeResult>;
  /** Statements executed since this warehouse was opened. */
  statementsExecuted(): number;
  close(): Promise<void>;
}
