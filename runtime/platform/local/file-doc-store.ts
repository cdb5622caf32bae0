import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Doc, DocFilter, DocSnapshot, DocStore, DocTransaction } from "../ports/doc-store";

type Collection = Record<string, Doc>;

const NAME = /^[A-Za-z0-9_-]+$/;

function assertName(what: string, value: string): void {
  if (!NAME.test(value)) throw new Error(`doc store: invalid ${what} "${value}"`);
}

function matches(doc: Doc, f: DocFilter): boolean {
  const v = doc[f.field];
  if (f.op === "==") return v === f.value;
  if (typeof v !== typeof f.value || v === null || f.value === null) return false;
  const a = v as string | number;
  const b = f.value as string | number;
  switch (f.op) {
    case "<":
      return a < b;
    case "<=":
      return a <= b;
    case ">":
      return a > b;
    case ">=":
      return a >= b;
  }
}

/**
 * A document store kept as one JSON file per collection. Every operation runs under one lock,
 * so a transaction sees and writes a consistent state; files are replaced atomically.
 */
/** Values are kept as JSON: a Date (a TTL field, a Timestamp on Firestore) is stored as its ISO string. */
function stored(doc: Doc): Doc {
  return JSON.parse(JSON.stringify(doc)) as Doc;
}

export class FileDocStore implements DocStore {
  private lock: Promise<unknown> = Promise.resolve();
  private readonly cache = new Map<string, Collection>();

  constructor(private readonly dir: string) {}

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.lock.then(work, work);
    this.lock = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  }

  private async load(collection: string): Promise<Collection> {
    assertName("collection", collection);
    const cached = this.cache.get(collection);
    if (cached) return cached;
    let data: Collection = {};
    try {
      data = JSON.parse(await readFile(join(this.dir, `${collection}.json`), "utf8")) as Collection;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw new Error(`doc store: cannot read collection ${collection}: ${String(err)}`);
    }
    this.cache.set(collection, data);
    return data;
  }

  private async save(collection: string, data: Collection): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const file = join(this.dir, `${collection}.json`);
    await writeFile(`${file}.tmp`, JSON.stringify(data, null, 1));
    await rename(`${file}.tmp`, file);
    this.cache.set(collection, data);
  }

  get(collection: string, id: string): Promise<Doc | null> {
    return this.exclusive(async () => {
      assertName("id", id);
      const doc = (await this.load(collection))[id];
      return doc ? structuredClone(doc) : null;
    });
  }

  set(collection: string, id: string, doc: Doc): Promise<void> {
    return this.exclusive(async () => {
      assertName("id", id);
      const data = { ...(await this.load(collection)), [id]: stored(doc) };
      await this.save(collection, data);
    });
  }

  update(collection: string, id: string, patch: Doc): Promise<void> {
    return this.exclusive(async () => {
      const data = await this.load(collection);
      const existing = data[id];
      if (!existing) throw new Error(`doc store: cannot update missing document ${collection}/${id}`);
      await this.save(collection, { ...data, [id]: { ...existing, ...stored(patch) } });
    });
  }

  query(collection: string, filters: readonly DocFilter[]): Promise<DocSnapshot[]> {
    return this.exclusive(async () => {
      const data = await this.load(collection);
      return Object.entries(data)
        .filter(([, doc]) => filters.every((f) => matches(doc, f)))
        .map(([id, doc]) => ({ id, data: structuredClone(doc) }));
    });
  }

  transaction<T>(work: (tx: DocTransaction) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      type Op = { kind: "set" | "update"; collection: string; id: string; doc: Doc };
      const ops: Op[] = [];
      const apply = (data: Collection, op: Op): Collection => {
        const existing = data[op.id];
        if (op.kind === "update" && !existing) throw new Error(`doc store: cannot update missing document ${op.collection}/${op.id}`);
        return { ...data, [op.id]: op.kind === "set" ? op.doc : { ...existing, ...op.doc } };
      };
      const view = async (collection: string): Promise<Collection> =>
        ops.filter((op) => op.collection === collection).reduce(apply, await this.load(collection));
      const tx: DocTransaction = {
        get: async (collection, id) => {
          const doc = (await view(collection))[id];
          return doc ? structuredClone(doc) : null;
        },
        set: (collection, id, doc) => {
          assertName("id", id);
          ops.push({ kind: "set", collection, id, doc: stored(doc) });
        },
        update: (collection, id, patch) => {
          assertName("id", id);
          ops.push({ kind: "update", collection, id, doc: stored(patch) });
        },
      };
      const result = await work(tx);
      const touched = [...new Set(ops.map((op) => op.collection))];
      const next = new Map<string, Collection>();
      for (const collection of touched) next.set(collection, await view(collection));
      for (const [collection, data] of next) await this.save(collection, data);
      return result;
    });
  }
}
