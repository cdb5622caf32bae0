import { z } from "zod";
import type { RunRecord } from "../../monitoring/run-record";
import type { Platform } from "../../platform/platform";
import type { DocStore } from "../../platform/ports/doc-store";
import type { QuarantinedRecord } from "./quarantine";

export const QUARANTINE_COLLECTION = "quarantine";
/** At most this many quarantined records are stored per run; the run record keeps the full count. */
const QUARANTINE_SAMPLE = 100;
const QUARANTINE_RETENTION_DAYS = 30;

/** One stored quarantined record: where it came from, which record, which field, the value and why. */
export interface QuarantineEntry {
  readonly run_id: string;
  readonly processor_name: string;
  readonly scope: string;
  readonly game_date: string;
  readonly source: string;
  readonly object_path: string | null;
  readonly record_index: number | null;
  readonly record: string;
  readonly key: string | null;
  readonly field: string;
  readonly value: string | null;
  readonly reason: string;
  /** Whether the run still loaded its good rows (within the table's tolerance). */
  readonly rows_loaded: boolean;
  readonly quarantined_at: string;
}

export async function storeQuarantine(
  platform: Pick<Platform, "docStore" | "clock">,
  run: RunRecord,
  records: readonly QuarantinedRecord[],
  context: { readonly objectPath: string | null; readonly rowsLoaded: boolean },
): Promise<void> {
  const now = platform.clock.now();
  // A Date, so Firestore stores a Timestamp and its TTL policy deletes the record.
  const expireAt = new Date(now.getTime() + QUARANTINE_RETENTION_DAYS * 86_400_000);
  await platform.docStore.transaction(async (tx) => {
    records.slice(0, QUARANTINE_SAMPLE).forEach((q, i) => {
      const entry: QuarantineEntry = {
        run_id: run.run_id,
        processor_name: run.processor_name,
        scope: run.scope,
        game_date: run.game_date,
        source: q.source,
        object_path: context.objectPath,
        record_index: q.index ?? null,
        record: q.record,
        key: q.key ?? null,
        field: q.field,
        value: JSON.stringify(q.value) ?? null,
        reason: q.reason,
        rows_loaded: context.rowsLoaded,
        quarantined_at: now.toISOString(),
      };
      tx.set(QUARANTINE_COLLECTION, `${run.run_id}-${i}`, { ...entry, expire_at: expireAt });
    });
    return Promise.resolve();
  });
}

/** A stored entry, read defensively (it crossed the store); older entries lack the newer fields. */
const storedEntrySchema = z.object({
  run_id: z.string(),
  processor_name: z.string().default(""),
  scope: z.string().default(""),
  game_date: z.string().default(""),
  source: z.string().default(""),
  object_path: z.string().nullable().default(null),
  record_index: z.number().int().nullable().default(null),
  record: z.string().default(""),
  key: z.string().nullable().default(null),
  field: z.string(),
  value: z.string().nullable().default(null),
  reason: z.string(),
  rows_loaded: z.boolean().default(false),
  quarantined_at: z.string().default(""),
});

function asEntry(doc: Record<string, unknown>): QuarantineEntry | null {
  const parsed = storedEntrySchema.safeParse(doc);
  return parsed.success ? parsed.data : null;
}

/** Quarantined records, newest first; only those of one ET game date when `gameDate` is given. */
export async function listQuarantine(store: DocStore, gameDate?: string): Promise<QuarantineEntry[]> {
  const docs = await store.query(QUARANTINE_COLLECTION, gameDate ? [{ field: "game_date", op: "==", value: gameDate }] : []);
  const entries = docs.map((d) => asEntry(d.data)).filter((e): e is QuarantineEntry => e !== null);
  return entries.sort((a, b) => b.quarantined_at.localeCompare(a.quarantined_at) || a.run_id.localeCompare(b.run_id) || (a.record_index ?? 0) - (b.record_index ?? 0));
}
