import { AsyncLocalStorage } from "node:async_hooks";
import type { Row } from "../catalog/derive/row-type";
import { tableId } from "../catalog/define-table";
import type { TableSpec } from "../catalog/types";
import type { MergeMode } from "./sql/merge";
import type { JobLabels, MergeResult, Warehouse } from "./ports/warehouse";

/** A warehouse that can write several callers' rows in one statement and tell each its own outcome. */
export interface PartWriter {
  mergeParts(table: TableSpec, parts: readonly (readonly Row[])[], labels?: JobLabels, mode?: MergeMode): Promise<MergeResult[]>;
  appendParts(table: TableSpec, parts: readonly (readonly Row[])[]): Promise<number[]>;
}

export function writesInParts(warehouse: Warehouse): (Warehouse & PartWriter) | null {
  const candidate = warehouse as Warehouse & Partial<PartWriter>;
  return typeof candidate.mergeParts === "function" && typeof candidate.appendParts === "function" ? (candidate as Warehouse & PartWriter) : null;
}

/** Runs tasks concurrently, sharing their writes; results in task order. */
export type Together = <T>(tasks: readonly (() => Promise<T>)[]) => Promise<T[]>;

type Pending =
  | { readonly kind: "merge"; readonly task: number; readonly table: TableSpec; readonly rows: readonly Row[]; readonly labels?: JobLabels; readonly mode?: MergeMode; readonly settle: Settle<MergeResult> }
  | { readonly kind: "append"; readonly task: number; readonly table: TableSpec; readonly rows: readonly Row[]; readonly labels?: JobLabels; readonly settle: Settle<number> };

interface Settle<T> {
  readonly resolve: (value: T) => void;
  readonly reject: (err: unknown) => void;
}

/** Tasks started together; their writes wait until every task still running is waiting on one. */
class Window {
  readonly running = new Set<number>();
  readonly waiting = new Set<number>();
  pending: Pending[] = [];
  flushing = false;
}

/**
 * Runs tasks together (a range's dates) so that their writes to the same table go to the
 * warehouse as one statement: each write waits until every task still running is waiting on a
 * write (or done), then the waiting writes go out, one MERGE per table and mode, and each task is
 * told its own inserted and updated rows. The rows and counts equal those of the tasks run one
 * after another as long as the tasks do not read what the others write, which the caller
 * guarantees (different dates of a processor that reads only other tables and its own date).
 * Rows of two tasks with the same key are written one task after the other, in task order; a
 * shared MERGE that fails is retried task by task, so each task gets its own outcome (its rows
 * written, or the database's error). Outside `together` every call goes straight through.
 */
export class CoalescingWarehouse implements Warehouse {
  readonly dialect: Warehouse["dialect"];
  private readonly context = new AsyncLocalStorage<{ readonly window: Window; readonly task: number }>();

  constructor(
    private readonly inner: Warehouse,
    private readonly parts: PartWriter | null = writesInParts(inner),
  ) {
    this.dialect = inner.dialect;
  }

  /** Runs every task to its end, concurrently; the first failure is thrown once all have ended. */
  async together<T>(tasks: readonly (() => Promise<T>)[]): Promise<T[]> {
    const window = new Window();
    tasks.forEach((_, i) => window.running.add(i));
    const settled = await Promise.allSettled(
      tasks.map((task, i) =>
        this.context.run({ window, task: i }, async () => {
          try {
            return await task();
          } finally {
            window.running.delete(i);
            window.waiting.delete(i);
            this.maybeFlush(window);
          }
        }),
      ),
    );
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
    if (failed) throw failed.reason;
    return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
  }

  ensureTables(tables: readonly TableSpec[]): Promise<void> {
    return this.inner.ensureTables(tables);
  }

  query(...args: Parameters<Warehouse["query"]>): ReturnType<Warehouse["query"]> {
    return this.inner.query(...args);
  }

  statementsExecuted(): number {
    return this.inner.statementsExecuted();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  merge(table: TableSpec, rows: readonly Row[], labels?: JobLabels, mode?: MergeMode): Promise<MergeResult> {
    const here = this.context.getStore();
    if (!here || rows.length === 0) return this.inner.merge(table, rows, labels, mode);
    return new Promise((resolve, reject) => this.enqueue(here.window, { kind: "merge", task: here.task, table, rows, labels, mode, settle: { resolve, reject } }));
  }

  append(table: TableSpec, rows: readonly Row[], labels?: JobLabels): Promise<number> {
    const here = this.context.getStore();
    if (!here || rows.length === 0) return this.inner.append(table, rows, labels);
    return new Promise((resolve, reject) => this.enqueue(here.window, { kind: "append", task: here.task, table, rows, labels, settle: { resolve, reject } }));
  }

  private enqueue(window: Window, write: Pending): void {
    window.pending.push(write);
    window.waiting.add(write.task);
    this.maybeFlush(window);
  }

  private maybeFlush(window: Window): void {
    if (window.flushing || window.pending.length === 0) return;
    for (const task of window.running) if (!window.waiting.has(task)) return;
    const batch = window.pending.splice(0);
    for (const write of batch) window.waiting.delete(write.task);
    window.flushing = true;
    void this.flush(batch).finally(() => {
      window.flushing = false;
      this.maybeFlush(window);
    });
  }

  private async flush(batch: readonly Pending[]): Promise<void> {
    const groups = new Map<string, Pending[]>();
    for (const write of [...batch].sort((a, b) => a.task - b.task)) {
      const key = `${tableId(write.table)}|${write.kind}|${write.kind === "merge" ? JSON.stringify(write.mode ?? null) : ""}`;
      groups.set(key, [...(groups.get(key) ?? []), write]);
    }
    for (const group of groups.values()) await this.writeGroup(group);
  }

  private async writeGroup(group: readonly Pending[]): Promise<void> {
    const first = group[0];
    if (!first) return;
    if (this.parts !== null && group.length > 1) {
      const parts = this.parts;
      const rows = group.map((w) => w.rows);
      const counts = await (first.kind === "merge" ? parts.mergeParts(first.table, rows, first.labels, first.mode) : parts.appendParts(first.table, rows)).catch((err: unknown) => ({ refused: err }));
      if (Array.isArray(counts)) {
        group.forEach((write, i) => settleWith(write, counts[i]));
        return;
      }
      // Nothing was written (refused because two tasks share a key, or one statement that failed):
      // each task's rows again on their own, in task order, so same-key rows land one task after
      // another and a failure lands on the task whose rows the database refuses, with its own error.
    }
    for (const write of group) {
      try {
        if (write.kind === "merge") write.settle.resolve(await this.inner.merge(write.table, write.rows, write.labels, write.mode));
        else write.settle.resolve(await this.inner.append(write.table, write.rows, write.labels));
      } catch (err) {
        write.settle.reject(err);
      }
    }
  }
}

function settleWith(write: Pending, count: MergeResult | number | undefined): void {
  if (write.kind === "merge" && typeof count === "object") write.settle.resolve(count);
  else if (write.kind === "append" && typeof count === "number") write.settle.resolve(count);
  else write.settle.reject(new Error(`${tableId(write.table)}: the shared write returned no count for task ${write.task}`));
}
