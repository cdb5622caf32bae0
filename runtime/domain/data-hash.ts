import * as crypto from "node:crypto";

/** The one-shot digest where this Node has it (20.12+): a row hash is one small input, and a Hash object per row costs more than the digest. */
const sha256Hex: (text: string) => string =
  typeof crypto.hash === "function" ? (text) => crypto.hash("sha256", text, "hex") : (text) => crypto.createHash("sha256").update(text).digest("hex");

/** Each field list sorted once (the lists are the catalog's, shared by every row of a table). */
const sortedFields = new WeakMap<readonly string[], readonly string[]>();

/**
 * DOMAIN §2: first 16 hex of SHA-256 over the sorted `field:value` strings of the hash fields,
 * joined by `|`; null becomes `NULL`.
 */
export function dataHash(row: Readonly<Record<string, unknown>>, fields: readonly string[]): string {
  let sorted = sortedFields.get(fields);
  if (!sorted) {
    sorted = [...fields].sort();
    sortedFields.set(fields, sorted);
  }
  let text = "";
  for (let i = 0; i < sorted.length; i++) {
    const f = sorted[i]!;
    text += `${i === 0 ? "" : "|"}${f}:${formatValue(row[f])}`;
  }
  return sha256Hex(text).slice(0, 16);
}

function formatValue(v: unknown): string {
  if (v === null || v === undefined) return "NULL";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
  return JSON.stringify(v);
}
