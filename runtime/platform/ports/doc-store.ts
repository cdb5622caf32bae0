/** A document. A `Date` value is a point in time: a Timestamp on Firestore, an ISO string in the local files. */
export type Doc = Record<string, unknown>;

export interface DocFilter {
  readonly field: string;
  readonly op: "==" | "<" | "<=" | ">" | ">=";
  readonly value: string | number | boolean | null;
}

export interface DocSnapshot {
  readonly id: string;
  readonly data: Doc;
}

export interface DocTransaction {
  get(collection: string, id: string): Promise<Doc | null>;
  set(collection: string, id: string, doc: Doc): void;
  update(collection: string, id: string, patch: Doc): void;
}

/** Small documents with transactions: run ledger, heartbeats, phase completions, alert state. */
export interface DocStore {
  get(collection: string, id: string): Promise<Doc | null>;
  set(collection: string, id: string, doc: Doc): Promise<void>;
  /** Shallow-merges `patch` into an existing document; a missing document is an error. */
  update(collection: string, id: string, patch: Doc): Promise<void>;
  query(collection: string, filters: readonly DocFilter[]): Promise<DocSnapshot[]>;
  transaction<T>(work: (tx: DocTransaction) => Promise<T>): Promise<T>;
}
