// ISO-8601 with Z (The Odds API) or "YYYY-MM-DD HH:MM:SS" without a marker (BettingPros), both UTC (DOMAIN §1.9).
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const BARE_UTC = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/;

/** The instant a UTC-stamped source value names, or null when it is not one of the two UTC spellings. */
export function utcInstant(value: string): Date | null {
  const bare = BARE_UTC.exec(value);
  const text = bare ? `${bare[1]}T${bare[2]}Z` : ISO_UTC.test(value) ? value : null;
  if (!text) return null;
  const d = new Date(text);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== text.slice(0, 10)) return null;
  return d;
}

