import type { SourceKind } from "../../domain/source-kind";
import type { DocStore } from "../ports/doc-store";

const COLLECTION = "data_dir";
const DOC = "provenance";

/** A run whose source kind differs from the data its data dir already holds. */
export class SourceKindConflictError extends Error {
  readonly code = "SOURCE_KIND_CONFLICT";
  constructor(
    readonly dataDir: string,
    readonly holds: SourceKind,
    readonly requested: SourceKind,
  ) {
    super(
      `${dataDir} holds ${holds} data and this run's source is ${requested}; sim and real data never share a data dir. ` +
        `Use another --data-dir, or empty this one with: nba-props reset --data-dir ${dataDir} --yes`,
    );
    this.name = "SourceKindConflictError";
  }
}

/** The source kind a data dir holds, or null for a new one. */
export async function dataDirKind(docStore: DocStore): Promise<SourceKind | null> {
  const doc = await docStore.get(COLLECTION, DOC);
  return doc ? (doc.source_kind as SourceKind) : null;
}

/**
 * Binds a data dir to one source kind on its first run, and refuses every later run of another
 * kind before it writes anything: a data dir never holds sim and real rows together.
 */
export async function claimDataDir(docStore: DocStore, dataDir: string, kind: SourceKind, now: Date): Promise<void> {
  await docStore.transaction(async (tx) => {
    const doc = await tx.get(COLLECTION, DOC);
    const holds = doc ? (doc.source_kind as SourceKind) : null;
    if (holds !== null && holds !== kind) throw new SourceKindConflictError(dataDir, holds, kind);
    if (holds === null) tx.set(COLLECTION, DOC, { source_kind: kind, claimed_at: now.toISOString() });
  });
}
