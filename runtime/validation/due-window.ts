import { addDays, BUSINESS_TIME_ZONE, etDate } from "../domain/et-date";
import type { DueRule } from "./check-spec";

const clockFormatter = new Intl.DateTimeFormat("en-GB", { timeZone: BUSINESS_TIME_ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** HH:MM of an instant in America/New_York. */
function etClock(instant: Date): string {
  return clockFormatter.format(instant);
}

/** The UTC instant of 00:00 in America/New_York on an ET date (EST or EDT, whichever applies). */
export function etMidnight(date: string): Date {
  for (const offset of [4, 5]) {
    const candidate = new Date(`${date}T0${offset}:00:00Z`);
    if (etDate(candidate) === date && etClock(candidate) === "00:00") return candidate;
  }
  throw new Error(`etMidnight: cannot place ${date} in ${BUSINESS_TIME_ZONE}`);
}

/** What "due by now" means for a rule, as values the compiled query compares against. */
export type DueCutoff =
  | { readonly kind: "started_before"; readonly finalOnly: boolean; readonly instant: string }
  | { readonly kind: "dated_through"; readonly date: string }
  | { readonly kind: "always" }
  | { readonly kind: "never" };

/**
 * Turns a due rule and "now" into a cutoff: a game is due when it tipped before `instant` (and is
 * Final, for `game_final`), or when its ET date is on or before `date` (`next_day_et`).
 */
export function dueCutoff(rule: DueRule, now: Date): DueCutoff {
  switch (rule.after) {
    case "game_start":
    case "game_final":
      return { kind: "started_before", finalOnly: rule.after === "game_final", instant: new Date(now.getTime() - rule.hours * 3_600_000).toISOString() };
    case "next_day_et": {
      // Date D is due at `at` ET on D+1: before that time today, yesterday is not due yet.
      const today = etDate(now);
      return { kind: "dated_through", date: addDays(today, etClock(now) >= rule.at ? -1 : -2) };
    }
    case "always":
      return { kind: "always" };
    case "never":
      return { kind: "never" };
  }
}
