import { addDays, etDate, isIsoDate } from "./et-date";

const TOKENS: Readonly<Record<string, number>> = { TODAY: 0, YESTERDAY: -1, TOMORROW: 1 };
const LAST_N_DAYS = /^LAST_(\d{1,3})_DAYS$/;
/** The longest look-back a token may name (a season and a half). */
export const MAX_LAST_N_DAYS = 400;

const ACCEPTED = "YYYY-MM-DD, TODAY, YESTERDAY, TOMORROW or LAST_N_DAYS (America/New_York)";

/** An inclusive range of ET dates. */
export interface DateRange {
  readonly from: string;
  readonly to: string;
}

/**
 * The one place a date argument is resolved (RELIABILITY row 12): YYYY-MM-DD, or TODAY /
 * YESTERDAY / TOMORROW in America/New_York. Anything else is rejected, never passed on.
 */
export function resolveDate(value: string, now: Date): string {
  const trimmed = value.trim();
  const offset = TOKENS[trimmed.toUpperCase()];
  if (offset !== undefined) return addDays(etDate(now), offset);
  if (isIsoDate(trimmed)) return trimmed;
  if (LAST_N_DAYS.test(trimmed.toUpperCase())) throw new Error(`"${value}" names a range of dates; this argument takes one date (YYYY-MM-DD, TODAY, YESTERDAY or TOMORROW)`);
  throw new Error(`"${value}" is not a date: use YYYY-MM-DD or TODAY, YESTERDAY, TOMORROW (America/New_York)`);
}

/**
 * A date or a range token: what `resolveDate` accepts (a one-day range), or LAST_N_DAYS, the N
 * complete ET days before today (LAST_7_DAYS on a Sunday is the previous Sunday .. Saturday).
 */
export function resolveDateRange(value: string, now: Date): DateRange {
  const trimmed = value.trim();
  const last = LAST_N_DAYS.exec(trimmed.toUpperCase());
  if (last) {
    const n = Number(last[1]);
    if (n < 1 || n > MAX_LAST_N_DAYS) throw new Error(`"${value}": N must be between 1 and ${MAX_LAST_N_DAYS}`);
    const yesterday = addDays(etDate(now), -1);
    return { from: addDays(yesterday, -(n - 1)), to: yesterday };
  }
  const offset = TOKENS[trimmed.toUpperCase()];
  if (offset === undefined && !isIsoDate(trimmed)) throw new Error(`"${value}" is not a date or range: use ${ACCEPTED}`);
  const date = resolveDate(trimmed, now);
  return { from: date, to: date };
}
