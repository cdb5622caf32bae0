import { appendFile, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
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

/** Values are kept as JSON: a Date (a TTL field, a Timestamp on Firestore) is stored as its ISO string. */
function stored(doc: Doc): Doc {
  return JSON.parse(JSON.stringify(doc)) as Doc;
}

/** Journal entries a collection may gather before it is compacted into its snapshot (at least). */
const MIN_JOURNAL_BEFORE_COMPACTION = 1000;

/** Document ids by a field's value, for the values `==` can match (not objects or arrays). */
type FieldIndex = Map<unknown, Set<string>>;

function indexable(value: unknown): boolean {
  return value === null || typeof value !== "object";
}

interface Loaded {
  readonly docs: Collection;
  /** Per field an `==` query has filtered on: built by that query's first scan, kept up to date by every write since. */
  readonly indexes: Map<string, FieldIndex>;
  /**
   * Each document's place in insertion order: what an indexed query sorts by, so results come in the
   * order a scan gives them. Its size is the number of documents, kept as they are added (Object.keys
   * on every write made writes O(collection)).
   */
  readonly order: Map<string, number>;
  /** Entries in the journal file since the snapshot was written. */
  journalEntries: number;
}

/**
 * A document store kept as files per collection: a snapshot (`<collection>.json`) and a journal
 * (`<collection>.journal.jsonl`) to which each write appends one line holding every document it
 * changed, whole. A write costs its own documents, not the collection's: rewriting the snapshot on
 * every write made a season's run ledger (thousands of runs, several writes each) quadratic. Once
 * the journal outgrows the collection it is folded into a new snapshot (written aside and renamed
 * in, so it is replaced atomically). Every operation runs under one lock, so a transaction sees
 * and writes a consistent state; a line cut short by a crash is the one write that did not happen.
 */
export class FileDocStore implements DocStore {
  private lock: Promise<unknown> = Promise.resolve();
  private readonly cache = new Map<string, Loaded>();
  /** The directory is made once, by the first write, instead of a mkdir call per write. */
  private dirMade = false;

  constructor(private readonly dir: string) {}

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.lock.then(work, work);
    this.lock = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  }

  private snapshotFile(collection: string): string {
    return join(this.dir, `${collection}.json`);
  }

  private journalFile(collection: string): string {
    return join(this.dir, `${collection}.journal.jsonl`);
  }

  private async load(collection: string): Promise<Loaded> {
    assertName("collection", collection);
    const cached = this.cache.get(collection);
    if (cached) return cached;
    const docs = (await readIfExists(this.snapshotFile(collection), collection, (text) => JSON.parse(text) as Collection)) ?? {};
    let journalEntries = 0;
    const journal = await readIfExists(this.journalFile(collection), collection, (text) => text);
    for (const line of (journal ?? "").split("\n")) {
      if (line === "") continue;
      const changed = journalLine(line);
      if (!changed) break; // a write cut short: it and nothing after it happened
      Object.assign(docs, changed);
      journalEntries += 1;
    }
    const ids = Object.keys(docs);
    const loaded = { docs, indexes: new Map<string, FieldIndex>(), order: new Map(ids.map((id, i) => [id, i])), journalEntries };
    this.cache.set(collection, loaded);
    return loaded;
  }

  /** Records whole documents of one collection as one journal line (one write), then in memory. */
  private async persist(collection: string, changed: Collection): Promise<void> {
    const loaded = await this.load(collection);
    if (!this.dirMade) {
      await mkdir(this.dir, { recursive: true });
      this.dirMade = true;
    }
    await appendFile(this.journalFile(collection), `${JSON.stringify(changed)}\n`);
    for (const id of Object.keys(changed)) if (!Object.hasOwn(loaded.docs, id)) loaded.order.set(id, loaded.order.size);
    for (const [field, index] of loaded.indexes) {
      for (const [id, doc] of Object.entries(changed)) {
        const before = loaded.docs[id]?.[field];
        if (indexable(before)) index.get(before)?.delete(id);
        addToIndex(index, doc[field], id);
      }
    }
    Object.assign(loaded.docs, changed);
    loaded.journalEntries += 1;
    if (loaded.journalEntries > Math.max(MIN_JOURNAL_BEFORE_COMPACTION, loaded.order.size)) await this.compact(collection, loaded);
  }

  private async compact(collection: string, loaded: Loaded): Promise<void> {
    const file = this.snapshotFile(collection);
    await writeFile(`${file}.tmp`, JSON.stringify(loaded.docs, null, 1));
    await rename(`${file}.tmp`, file);
    // A crash before this leaves journal lines the snapshot already holds: replaying whole documents again changes nothing.
    await rm(this.journalFile(collection), { force: true });
    loaded.journalEntries = 0;
  }

  get(collection: string, id: string): Promise<Doc | null> {
    return this.exclusive(async () => {
      assertName("id", id);
      const doc = (await this.load(collection)).docs[id];
      return doc ? structuredClone(doc) : null;
    });
  }

  set(collection: string, id: string, doc: Doc): Promise<void> {
    return this.exclusive(async () => {
      assertName("id", id);
      await this.persist(collection, { [id]: stored(doc) });
    });
  }

  update(collection: string, id: string, patch: Doc): Promise<void> {
    return this.exclusive(async () => {
      const existing = (await this.load(collection)).docs[id];
      if (!existing) throw new Error(`doc store: cannot update missing document ${collection}/${id}`);
      await this.persist(collection, { [id]: { ...existing, ...stored(patch) } });
    });
  }

  query(collection: string, filters: readonly DocFilter[]): Promise<DocSnapshot[]> {
    return this.exclusive(async () => {
      const loaded = await this.load(collection);
      const { docs } = loaded;
      // An equality filter narrows the scan to its value's documents (the run ledger is queried per run; a full scan each time made a season quadratic).
      const equality = filters.find((f) => f.op === "==" && indexable(f.value));
      const ids = equality ? [...(indexOf(loaded, equality.field).get(equality.value) ?? [])].sort((a, b) => (loaded.order.get(a) ?? 0) - (loaded.order.get(b) ?? 0)) : Object.keys(docs);
      const found: DocSnapshot[] = [];
      for (const id of ids) {
        const doc = docs[id];
        if (doc && filters.every((f) => matches(doc, f))) found.push({ id, data: structuredClone(doc) });
      }
      return found;
    });
  }

  transaction<T>(work: (tx: DocTransaction) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      type Op = { kind: "set" | "update"; collection: string; id: string; doc: Doc };
      const ops: Op[] = [];
      // A document as the transaction's writes so far leave it.
      const current = async (collection: string, id: string): Promise<Doc | undefined> => {
        let doc = (await this.load(collection)).docs[id];
        for (const op of ops) {
          if (op.collection !== collection || op.id !== id) continue;
          if (op.kind === "update" && !doc) throw new Error(`doc store: cannot update missing document ${op.collection}/${op.id}`);
          doc = op.kind === "set" ? op.doc : { ...doc, ...op.doc };
        }
        return doc;
      };
      const tx: DocTransaction = {
        get: async (collection, id) => {
          const doc = await current(collection, id);
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
      const changes = new Map<string, Collection>();
      for (const op of ops) {
        const changed = changes.get(op.collection) ?? {};
        changed[op.id] = (await current(op.collection, op.id)) ?? {};
        changes.set(op.collection, changed);
      }
      for (const [collection, changed] of changes) await this.persist(collection, changed);
      return result;
    });
  }
}

function addToIndex(index: FieldIndex, value: unknown, id: string): void {
  if (indexable(value)) index.set(value, (index.get(value) ?? new Set<string>()).add(id));
}

/** The collection's index on a field, built from its documents on first use. */
function indexOf(loaded: Loaded, field: string): FieldIndex {
  let index = loaded.indexes.get(field);
  if (!index) {
    index = new Map();
    for (const [id, doc] of Object.entries(loaded.docs)) addToIndex(index, doc[field], id);
    loaded.indexes.set(field, index);
  }
  return index;
}

/** One journal line's documents, or null for a line a crash cut short (not JSON). */
function journalLine(line: string): Collection | null {
  try {
    return JSON.parse(line) as Collection;
  } catch (err) {
    if (err instanceof SyntaxError) return null;
    throw err;
  }
}

async function readIfExists<T>(file: string, collection: string, parse: (text: string) => T): Promise<T | null> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new Error(`doc store: cannot read collection ${collection}: ${String(err)}`);
  }
  return parse(text);
}
