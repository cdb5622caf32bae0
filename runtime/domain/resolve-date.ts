import { addDays, etDate, isIsoDate } from "./et-date";

const TOKENS: Readonly<Record<string, number>> = { TODAY: 0, YESTERDAY: -1, TOMORROW: 1 };

/**
 * The one place a date argument is resolved (RELIABILITY row 12): YYYY-MM-DD, or TODAY /
 * YESTERDAY / TOMORROW in America/New_York. Anything else is rejected, never passed on.
 */
export function resolveDate(value: string, now: Date): string {
  const trimmed = value.trim();
  const offset = TOKENS[trimmed.toUpperCase()];
  if (offset !== undefined) return addDays(etDate(now), offset);
  if (isIsoDate(trimmed)) return trimmed;
  throw new Error(`"${value}" is not a date: use YYYY-MM-DD or TODAY, YESTERDAY, TOMORROW (America/New_York)`);
}
