import { Timestamp, type DocumentReference, type Firestore, type Query } from "@google-cloud/firestore";
import type { DocCollectionSpec } from "../../catalog/types";
import type { Doc, DocFilter, DocSnapshot, DocStore, DocTransaction } from "../ports/doc-store";

const NAME = /^[A-Za-z0-9_-]+$/;
/** Firestore's NOT_FOUND gRPC status. */
const NOT_FOUND = 5;

function assertName(what: string, value: string): void {
  if (!NAME.test(value)) throw new Error(`doc store: invalid ${what} "${value}"`);
}

function missing(collection: string, id: string): Error {
  return new Error(`doc store: cannot update missing document ${collection}/${id}`);
}

/** Timestamps come back as the ISO strings the runtime wrote, so both adapters read the same documents. */
function fromStored(value: unknown): unknown {
  if (value instanceof Timestamp) return value.toDate().toISOString();
  if (Array.isArray(value)) return value.map(fromStored);
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromStored(v)]));
  return value;
}

/**
 * Documents in Firestore. TTL fields (the catalog's `ttlField`s, and `expire_at` everywhere) are
 * written as Timestamps: Firestore's TTL policies ignore strings, so a string would never expire.
 */
export class FirestoreDocStore implements DocStore {
  private readonly ttlFields: ReadonlyMap<string, ReadonlySet<string>>;

  constructor(
    private readonly db: Firestore,
    collections: readonly DocCollectionSpec[],
  ) {
    this.ttlFields = new Map(collections.map((c) => [c.name, new Set(["expire_at", ...(c.ttlField ? [c.ttlField] : [])])]));
  }

  private isTtlField(collection: string, field: string): boolean {
    return (this.ttlFields.get(collection) ?? new Set(["expire_at"])).has(field);
  }

  private toTimestamp(collection: string, field: string, value: unknown): unknown {
    if (!this.isTtlField(collection, field)) return value;
    // A Date from another realm (a cloned document, a vm context) fails `instanceof Date`, and
    // Firestore then refuses it as "not a plain object": recognise dates by their tag instead.
    if (Object.prototype.toString.call(value) === "[object Date]") return Timestamp.fromMillis((value as Date).getTime());
    if (typeof value === "string") {
      const at = new Date(value);
      if (Number.isNaN(at.getTime())) throw new Error(`doc store: ${collection}.${field} must be a timestamp, got "${value}"`);
      return Timestamp.fromDate(at);
    }
    return value;
  }

  private toStored(collection: string, doc: Doc): Doc {
    return Object.fromEntries(Object.entries(doc).map(([field, value]) => [field, this.toTimestamp(collection, field, value)]));
  }

  private ref(collection: string, id: string): DocumentReference {
    assertName("collection", collection);
    assertName("id", id);
    return this.db.collection(collection).doc(id);
  }

  async get(collection: string, id: string): Promise<Doc | null> {
    const snap = await this.ref(collection, id).get();
    return snap.exists ? (fromStored(snap.data()) as Doc) : null;
  }

  async set(collection: string, id: string, doc: Doc): Promise<void> {
    await this.ref(collection, id).set(this.toStored(collection, doc));
  }

  async update(collection: string, id: string, patch: Doc): Promise<void> {
    try {
      await this.ref(collection, id).update(this.toStored(collection, patch));
    } catch (err) {
      if ((err as { code?: unknown }).code === NOT_FOUND) throw missing(collection, id);
      throw err;
    }
  }

  async query(collection: string, filters: readonly DocFilter[]): Promise<DocSnapshot[]> {
    assertName("collection", collection);
    let q: Query = this.db.collection(collection);
    for (const f of filters) q = q.where(f.field, f.op, this.toTimestamp(collection, f.field, f.value));
    const snap = await q.get();
    return snap.docs.map((d) => ({ id: d.id, data: fromStored(d.data()) as Doc })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /**
   * Writes are buffered until `work` returns, then every touched document is read (Firestore
   * wants all reads first) and written whole in one commit: an update of a missing document
   * fails the transaction before anything is sent, as the local store does.
   */
  transaction<T>(work: (tx: DocTransaction) => Promise<T>): Promise<T> {
    return this.db.runTransaction(async (t) => {
      type Op = { readonly kind: "set" | "update"; readonly collection: string; readonly id: string; readonly doc: Doc };
      const ops: Op[] = [];
      const base = new Map<string, Doc | null>();
      const key = (collection: string, id: string): string => `${collection}/${id}`;
      const read = async (collection: string, id: string): Promise<Doc | null> => {
        const k = key(collection, id);
        if (!base.has(k)) {
          const snap = await t.get(this.ref(collection, id));
          base.set(k, snap.exists ? (fromStored(snap.data()) as Doc) : null);
        }
        return base.get(k) ?? null;
      };
      const view = async (collection: string, id: string): Promise<Doc | null> => {
        let doc = await read(collection, id);
        for (const op of ops.filter((o) => o.collection === collection && o.id === id)) {
          if (op.kind === "update" && !doc) throw missing(collection, id);
          doc = op.kind === "set" ? op.doc : { ...doc, ...op.doc };
        }
        return doc;
      };
      const tx: DocTransaction = {
        get: async (collection, id) => {
          const doc = await view(collection, id);
          return doc ? structuredClone(doc) : null;
        },
        set: (collection, id, doc) => {
          this.ref(collection, id);
          ops.push({ kind: "set", collection, id, doc: structuredClone(doc) });
        },
        update: (collection, id, patch) => {
          this.ref(collection, id);
          ops.push({ kind: "update", collection, id, doc: structuredClone(patch) });
        },
      };
      const result = await work(tx);
      const touched = [...new Map(ops.map((op) => [key(op.collection, op.id), op])).values()];
      const finals: [Op, Doc][] = [];
      for (const op of touched) {
        const doc = await view(op.collection, op.id);
        if (doc) finals.push([op, doc]);
      }
      for (const [op, doc] of finals) t.set(this.ref(op.collection, op.id), this.toStored(op.collection, doc));
      return result;
    });
  }
}
