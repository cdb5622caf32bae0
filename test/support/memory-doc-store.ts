import type { Doc, DocFilter, DocSnapshot, DocStore, DocTransaction } from "../../runtime/platform/ports/doc-store";

function matches(doc: Doc, f: DocFilter): boolean {
  const v = doc[f.field];
  if (f.op === "==") return v === f.value;
  if (typeof v !== typeof f.value || v === null || f.value === null) return false;
  const [a, b] = [v as string | number, f.value as string | number];
  return f.op === "<" ? a < b : f.op === "<=" ? a <= b : f.op === ">" ? a > b : a >= b;
}

/**
 * Documents in memory, for tests that write thousands of them (the file store rewrites a whole
 * collection per write). Transactions apply their writes at the end, all or nothing.
 */
export class MemoryDocStore implements DocStore {
  private readonly data = new Map<string, Map<string, Doc>>();

  private collection(name: string): Map<string, Doc> {
    let c = this.data.get(name);
    if (!c) this.data.set(name, (c = new Map()));
    return c;
  }

  get(collection: string, id: string): Promise<Doc | null> {
    const doc = this.collection(collection).get(id);
    return Promise.resolve(doc ? structuredClone(doc) : null);
  }

  set(collection: string, id: string, doc: Doc): Promise<void> {
    this.collection(collection).set(id, structuredClone(doc));
    return Promise.resolve();
  }

  update(collection: string, id: string, patch: Doc): Promise<void> {
    const existing = this.collection(collection).get(id);
    if (!existing) return Promise.reject(new Error(`cannot update missing document ${collection}/${id}`));
    this.collection(collection).set(id, { ...existing, ...structuredClone(patch) });
    return Promise.resolve();
  }

  query(collection: string, filters: readonly DocFilter[]): Promise<DocSnapshot[]> {
    return Promise.resolve([...this.collection(collection)].filter(([, doc]) => filters.every((f) => matches(doc, f))).map(([id, doc]) => ({ id, data: structuredClone(doc) })));
  }

  async transaction<T>(work: (tx: DocTransaction) => Promise<T>): Promise<T> {
    const writes: (() => void)[] = [];
    const result = await work({
      get: (collection, id) => this.get(collection, id),
      set: (collection, id, doc) => writes.push(() => this.collection(collection).set(id, structuredClone(doc))),
      update: (collection, id, patch) =>
        writes.push(() => {
          const existing = this.collection(collection).get(id);
          if (!existing) throw new Error(`cannot update missing document ${collection}/${id}`);
          this.collection(collection).set(id, { ...existing, ...structuredClone(patch) });
        }),
    });
    for (const w of writes) w();
    return result;
  }
}
