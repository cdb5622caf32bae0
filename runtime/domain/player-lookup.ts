/**
 * The one player key every source uses (DOMAIN §2). Private variants of this function joined
 * nothing in the system this replaces, so there is exactly one.
 */
export function playerLookup(name: string): string {
  let s = name.normalize("NFKC").replace(/ı/g, "i").replace(/İ/g, "I");
  s = s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  s = s.toLowerCase();
  s = s.replace(/[\s,]+(junior|jr\.?)\s*$/u, " jr").replace(/[\s,]+(senior|sr\.?)\s*$/u, " sr");
  return s.replace(/[^a-z0-9]/g, "");
}

/** "Last, First" (injury report) → "First Last"; a suffix stays on the last name. */
export function reorderLastFirst(name: string): string {
  const comma = name.indexOf(",");
  if (comma < 0) return name.trim();
  return `${name.slice(comma + 1).trim()} ${name.slice(0, comma).trim()}`;
}
