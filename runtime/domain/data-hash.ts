import { createHash } from "node:crypto";

/**
 * DOMAIN §2: first 16 hex of SHA-256 over the sorted `field:value` strings of the hash fields,
 * joined by `|`; null becomes `NULL`.
 */
export function dataHash(row: Readonly<Record<string, unknown>>, fields: readonly string[]): string {
  const parts = [...fields].sort().map((f) => {
    const v = row[f];
    return `${f}:${v === null || v === undefined ? "NULL" : typeof v === "object" ? JSON.stringify(v) : String(v)}`;
  });
  return createHash("sha256").update(parts.join("|")).digest("hex").slice(0, 16);
}
