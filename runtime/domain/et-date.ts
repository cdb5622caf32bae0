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

const DAY_MS = 86_400_000;
/** Past this many distinct dates a memo starts over: a season touches a few hundred, so it stays small. */
const MEMO_LIMIT = 20_000;
const midnights = new Map<string, number>();
const texts = new Map<number, string>();

/**
 * UTC midnight of a date in ms (NaN when it is not one). Pipelines ask for the same few hundred
 * dates millions of times, so each is parsed once and looked up after.
 */
function midnightOf(date: string): number {
  let ms = midnights.get(date);
  if (ms === undefined) {
    if (midnights.size >= MEMO_LIMIT) midnights.clear();
    ms = Date.parse(`${date}T00:00:00Z`);
    midnights.set(date, ms);
  }
  return ms;
}

/** The date text of a UTC midnight (throws RangeError outside the Date range, as toISOString does). */
function dateOfMidnight(ms: number): string {
  let text = texts.get(ms);
  if (text === undefined) {
    if (texts.size >= MEMO_LIMIT) texts.clear();
    text = new Date(ms).toISOString().slice(0, 10);
    texts.set(ms, text);
  }
  return text;
}

export function addDays(date: string, days: number): string {
  const ms = midnightOf(date);
  // Whole days from a valid date are whole multiples of a UTC day; anything else keeps the Date arithmetic (and its errors).
  if (Number.isNaN(ms) || !Number.isInteger(days)) {
    const d = new Date(`${date}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  }
  return dateOfMidnight(ms + days * DAY_MS);
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((midnightOf(to) - midnightOf(from)) / DAY_MS);
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
