import type { Doc, DocFilter, DocSnapshot, DocStore, DocTransaction } from "../../platform/ports/doc-store";

export interface ObservedWrite {
  readonly collection: string;
  readonly id: string;
  /** The observer's time of the write, in milliseconds. */
  readonly atMs: number;
  readonly doc: Doc;
}

/**
 * A DocStore in front of a real one that records every write and can take collections down (an
 * outage: every call touching them fails), for drills, tests and the bench.
 */
export class ObservedDocStore implements DocStore {
  readonly writes: ObservedWrite[] = [];
  private readonly down = new Set<string>();

  constructor(
    private readonly inner: DocStore,
    private readonly nowMs: () => number,
  ) {}

  /** Takes a collection down (true) or brings it back (false). */
  setDown(collection: string, down: boolean): void {
    if (down) this.down.add(collection);
    else this.down.delete(collection);
  }

  writesTo(collection: string): ObservedWrite[] {
    return this.writes.filter((w) => w.collection === collection);
  }

  private check(collection: string): void {
    if (this.down.has(collection)) throw new Error(`document store unavailable (${collection}): simulated outage`);
  }

  private record(collection: string, id: string, doc: Doc): void {
    this.writes.push({ collection, id, atMs: this.nowMs(), doc: structuredClone(doc) });
  }

  async get(collection: string, id: string): Promise<Doc | null> {
    this.check(collection);
    return this.inner.get(collection, id);
  }

  async set(collection: string, id: string, doc: Doc): Promise<void> {
    this.check(collection);
    await this.inner.set(collection, id, doc);
    this.record(collection, id, doc);
  }

  async update(collection: string, id: string, patch: Doc): Promise<void> {
    this.check(collection);
    await this.inner.update(collection, id, patch);
    this.record(collection, id, patch);
  }

  async query(collection: string, filters: readonly DocFilter[]): Promise<DocSnapshot[]> {
    this.check(collection);
    return this.inner.query(collection, filters);
  }

  async transaction<T>(work: (tx: DocTransaction) => Promise<T>): Promise<T> {
    const pending: { collection: string; id: string; doc: Doc }[] = [];
    const result = await this.inner.transaction((tx) =>
      work({
        get: (collection, id) => {
          this.check(collection);
          return tx.get(collection, id);
        },
        set: (collection, id, doc) => {
          this.check(collection);
          tx.set(collection, id, doc);
          pending.push({ collection, id, doc });
        },
        update: (collection, id, patch) => {
          this.check(collection);
          tx.update(collection, id, patch);
          pending.push({ collection, id, doc: patch });
        },
      }),
    );
    for (const p of pending) this.record(p.collection, p.id, p.doc);
    return result;
  }
}
