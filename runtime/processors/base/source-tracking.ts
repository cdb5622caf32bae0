import { createHash } from "node:crypto";

export interface TrackedSource {
  readonly last_updated: string | null;
  readonly rows_found: number;
  readonly completeness_pct: number | null;
  readonly hash: string | null;
}

/** Dependency tracking for one upstream (DOMAIN §2): newest version, rows used, completeness, content hash. */
export function trackSource(rows: readonly { readonly processed_at: string; readonly data_hash: string }[], expectedRows: number | null): TrackedSource {
  if (rows.length === 0) return { last_updated: null, rows_found: 0, completeness_pct: expectedRows ? 0 : null, hash: null };
  const lastUpdated = rows.reduce((max, r) => (r.processed_at > max ? r.processed_at : max), rows[0]!.processed_at);
  const hash = createHash("sha256")
    .update(rows.map((r) => r.data_hash).sort().join("|"))
    .digest("hex")
    .slice(0, 16);
  const completeness = expectedRows ? Math.min(100, Math.round((rows.length / expectedRows) * 10000) / 100) : null;
  return { last_updated: lastUpdated, rows_found: rows.length, completeness_pct: completeness, hash };
}

/** The four `<prefix>_*` columns of a tracked source. */
export function trackingColumns<P extends string>(prefix: P, t: TrackedSource) {
  return {
    [`${prefix}_last_updated`]: t.last_updated,
    [`${prefix}_rows_found`]: t.rows_found,
    [`${prefix}_completeness_pct`]: t.completeness_pct,
    [`${prefix}_hash`]: t.hash,
  } as Record<`${P}_last_updated`, string | null> &
    Record<`${P}_rows_found`, number> &
    Record<`${P}_completeness_pct`, number | null> &
    Record<`${P}_hash`, string | null>;
}
