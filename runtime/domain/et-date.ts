/** Business dates are America/New_York calendar dates (DOMAIN conventions). */
export const BUSINESS_TIME_ZONE = "America/New_York";

const formatter = new Intl.DateTimeFormat("en-CA", { timeZone: BUSINESS_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** The ET calendar date (YYYY-MM-DD) of an instant. */
export function etDate(instant: Date): string {
  return formatter.format(instant);
}

export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Inclusive list of dates from `from` to `to`. Counted, not compared as text: past 9999-12-31
 * the next date prints as "+010000-01-01", which sorts before "9999-12-31" and never ended the loop.
 */
export function dateRange(from: string, to: string): string[] {
  const out: string[] = [];
  const days = daysBetween(from, to);
  for (let i = 0; i <= days; i++) out.push(addDays(from, i));
  return out;
}
