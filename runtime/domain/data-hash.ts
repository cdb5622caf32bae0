import { createHash } from "node:crypto";

/**
 * DOMAIN §2: first 16 hex of SHA-256 over the sorted `field:value` strings of the hash fields,
 * joined by `|`; null becomes `NULL`.
 */
export function dataHash(row: Readonly<Record<string, unknown>>, fields: readonly string[]): string {
  const parts = [...fields].sort().map((f) => {
    const v = row[f];
    return `${f}:${formatValue(v)}`;
  });
  return createHash("sha256").update(parts.join("|")).digest("hex").slice(0, 16);
}

function formatValue(v: unknown): string {
  if (v === null || v === undefined) return "NULL";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
  return JSON.stringify(v);
}
