import type { Row } from "../../catalog/derive/row-type";
import type { PartitionWindow, SqlFragment } from "../sql/fragment";

/** Every table a statement names (`dataset.name`), nested fragments included. */
export function tablesOf(statement: SqlFragment): Set<string> {
  const found = new Set<string>();
  const walk = (f: SqlFragment): void => {
    for (const part of f.parts) {
      if (part.kind === "table") found.add(`${part.dataset}.${part.table}`);
      else if (part.kind === "in_array") walk(part.expr);
    }
  };
  walk(statement);
  return found;
}

/** What a read depends on: the tables it names, and for a windowed read only those partitions. */
export interface ReadScope {
  readonly tables: ReadonlySet<string>;
  readonly window?: PartitionWindow;
}

/** What a write touched: a table, and the partitions (ISO dates) it wrote when known. */
export interface WriteScope {
  readonly table: string;
  readonly partitions?: readonly string[];
}

export function scopeOf(statement: SqlFragment): ReadScope {
  const tables = tablesOf(statement);
  const window = statement.window;
  return window && tables.size === 1 && tables.has(window.table) ? { tables, window } : { tables };
}

/** Whether a write can change what a read returns (a write to partitions outside the read's window cannot). */
export function writeAffects(write: WriteScope, read: ReadScope): boolean {
  if (!read.tables.has(write.table)) return false;
  const window = read.window;
  if (!window || window.table !== write.table || !write.partitions) return true;
  return write.partitions.some((p) => p >= window.from && p <= window.to);
}

interface Entry {
  readonly scope: ReadScope;
  readonly rows: readonly Row[];
}

/**
 * Results of reads, kept until a write touches what they read (a table, or for a read of a date
 * window, one of its partitions). The local warehouse is one process's file (the lock keeps every
 * other writer out), so its own writes are the only way a stored result goes stale; a pipeline run
 * then reads the date's schedule or play-by-play once instead of once per processor, even while
 * the next dates load. Bounded by rows held; the oldest results go first.
 */
export class ReadCache {
  private readonly entries = new Map<string, Entry>();
  private rowsHeld = 0;

  constructor(
    private readonly maxRows: number,
    private readonly maxRowsPerResult: number,
  ) {}

  /** The stored rows in an array of the caller's own, or undefined. The rows are frozen (see `set`), so they are shared, not copied. */
  get(key: string): Row[] | undefined {
    const entry = this.entries.get(key);
    return entry ? entry.rows.slice() : undefined;
  }

  /** Keeps frozen rows: no caller can change what another is given. */
  set(key: string, scope: ReadScope, rows: readonly Readonly<Row>[]): void {
    if (scope.tables.size === 0 || rows.length > this.maxRowsPerResult) return;
    if (rows.some((r) => !Object.isFrozen(r))) throw new Error("read cache: rows must be frozen to be shared");
    this.drop(key);
    this.entries.set(key, { scope, rows });
    this.rowsHeld += rows.length;
    for (const [oldest] of this.entries) {
      if (this.rowsHeld <= this.maxRows) break;
      this.drop(oldest);
    }
  }

  /** Forgets every result the write may have changed. */
  invalidate(write: WriteScope): void {
    for (const [key, entry] of this.entries) if (writeAffects(write, entry.scope)) this.drop(key);
  }

  clear(): void {
    this.entries.clear();
    this.rowsHeld = 0;
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.rowsHeld -= entry.rows.length;
    this.entries.delete(key);
  }
}
