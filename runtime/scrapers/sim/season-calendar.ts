/** Regular-season dates: opening night, the last day, the league-wide off days and the weeks. */
import { addDays, dateRange } from "../../domain/et-date";
import { daysBetween, nthWeekday, weekday } from "./et-clock";

export interface SeasonCalendar {
  readonly seasonYear: number;
  readonly openingDay: string;
  readonly lastDay: string;
  readonly offDays: ReadonlySet<string>;
  /** Every date between opening day and the last day that is not an off day. */
  readonly gameDays: readonly string[];
  readonly christmas: string;
}

/** Opening night is the Tuesday on or after Oct 19 (Oct 22, 2024); the season ends 25 weeks later on a Sunday. */
export function seasonCalendar(seasonYear: number): SeasonCalendar {
  const oct19 = `${seasonYear}-10-19`;
  const openingDay = addDays(oct19, (2 - weekday(oct19) + 7) % 7);
  const lastDay = addDays(openingDay, 173);
  const thanksgiving = nthWeekday(seasonYear, 11, 4, 4);
  // All-Star Sunday precedes Presidents' Day (third Monday of February); no games Friday to Tuesday.
  const allStarSunday = addDays(nthWeekday(seasonYear + 1, 2, 1, 3), -1);
  const offDays = new Set([thanksgiving, `${seasonYear}-12-24`, ...dateRange(addDays(allStarSunday, -2), addDays(allStarSunday, 2))]);
  const gameDays = dateRange(openingDay, lastDay).filter((d) => !offDays.has(d));
  return { seasonYear, openingDay, lastDay, offDays, gameDays, christmas: `${seasonYear}-12-25` };
}

/** Weeks run Monday to Sunday; week 1 is the week of opening night. */
export function weekNumber(calendar: SeasonCalendar, date: string): number {
  const firstMonday = addDays(calendar.openingDay, -((weekday(calendar.openingDay) + 6) % 7));
  return Math.floor(daysBetween(firstMonday, date) / 7) + 1;
}

export function weekStart(calendar: SeasonCalendar, week: number): string {
  const firstMonday = addDays(calendar.openingDay, -((weekday(calendar.openingDay) + 6) % 7));
  return addDays(firstMonday, 7 * (week - 1));
}
