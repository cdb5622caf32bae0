import type { Row } from "../../catalog/derive/row-type";
import type { SqlFragment } from "../sql/fragment";

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

interface Entry {
  readonly tables: ReadonlySet<string>;
  readonly rows: readonly Row[];
}

/**
 * Results of reads, kept until a write touches one of the tables they read. The local warehouse
 * is one process's file (the lock keeps every other writer out), so its own writes are the only
 * way a stored result goes stale; a pipeline run then reads the date's schedule or play-by-play
 * once instead of once per processor. Bounded by rows held; the oldest results go first.
 */
export class ReadCache {
  private readonly entries = new Map<string, Entry>();
  private rowsHeld = 0;

  constructor(
    private readonly maxRows: number,
    private readonly maxRowsPerResult: number,
  ) {}

  /** Copies of the stored rows (callers may change what they get), or undefined. */
  get(key: string): Row[] | undefined {
    const entry = this.entries.get(key);
    return entry ? entry.rows.map((r) => ({ ...r })) : undefined;
  }

  set(key: string, tables: ReadonlySet<string>, rows: readonly Row[]): void {
    if (tables.size === 0 || rows.length > this.maxRowsPerResult) return;
    this.drop(key);
    this.entries.set(key, { tables, rows: rows.map((r) => ({ ...r })) });
    this.rowsHeld += rows.length;
    for (const [oldest] of this.entries) {
      if (this.rowsHeld <= this.maxRows) break;
      this.drop(oldest);
    }
  }

  /** Forgets every result that read the table (`dataset.name`). */
  invalidate(table: string): void {
    for (const [key, entry] of this.entries) if (entry.tables.has(table)) this.drop(key);
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
