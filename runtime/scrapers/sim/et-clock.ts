/** Eastern-time arithmetic on plain YYYY-MM-DD strings, with the US DST rules written out. */
import { addDays } from "../../domain/et-date";

const DAY_NAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function dayName(date: string): string {
  return DAY_NAMES[weekday(date)] ?? "";
}

/** The n-th (1-based) given weekday of a month, as YYYY-MM-DD. */
export function nthWeekday(year: number, month: number, day: number, n: number): string {
  const first = `${year}-${String(month).padStart(2, "0")}-01`;
  return addDays(first, ((day - weekday(first) + 7) % 7) + 7 * (n - 1));
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** DST runs from 02:00 on the second Sunday of March to 02:00 on the first Sunday of November. */
export function isEasternDst(date: string, hour: number): boolean {
  const year = Number(date.slice(0, 4));
  const start = nthWeekday(year, 3, 0, 2);
  const end = nthWeekday(year, 11, 0, 1);
  const afterStart = date > start || (date === start && hour >= 2);
  const beforeEnd = date < end || (date === end && hour < 2);
  return afterStart && beforeEnd;
}

/** UTC offset of Eastern wall time, in hours (-4 or -5). */
export function easternUtcOffset(date: string, hour: number): number {
  return isEasternDst(date, hour) ? -4 : -5;
}

export function hhmm(minutesOfDay: number): string {
  return `${String(Math.floor(minutesOfDay / 60)).padStart(2, "0")}:${String(minutesOfDay % 60).padStart(2, "0")}`;
}

/** Eastern wall time (date, minutes after midnight) → UTC { date, minutes after midnight }. */
export function easternToUtc(date: string, minutesOfDay: number): { date: string; minutes: number } {
  const total = minutesOfDay - easternUtcOffset(date, Math.floor(minutesOfDay / 60)) * 60;
  const dayShift = Math.floor(total / 1440);
  return { date: addDays(date, dayShift), minutes: total - dayShift * 1440 };
}

/** NBA.com style "7:30 pm ET". */
export function statusTime(minutesOfDay: number): string {
  const h24 = Math.floor(minutesOfDay / 60);
  const h12 = h24 % 12 === 0 ? 12 : h24 % 12;
  return `${h12}:${String(minutesOfDay % 60).padStart(2, "0")} ${h24 < 12 ? "am" : "pm"} ET`;
}
