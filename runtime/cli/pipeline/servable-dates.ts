import { readdirSync } from "node:fs";
import { join } from "node:path";
import { isIsoDate } from "../../domain/et-date";
import { seasonLabel, seasonYearForDate } from "../../domain/season";
import { SIM_FIRST_SEASON, SIM_LAST_SEASON } from "../../scrapers/sim/sim-seasons";
import { UsageError } from "../exit-codes";

const SEASON_KEY = /^\d{4}-\d{2}$/;

/** What a source can serve, checked when the command line is parsed, before anything runs. */
export interface ServableDates {
  readonly describe: string;
  covers(date: string): boolean;
}

export function simServableDates(): ServableDates {
  return {
    describe: `the sim generates seasons ${seasonLabel(SIM_FIRST_SEASON)} to ${seasonLabel(SIM_LAST_SEASON)} (dates ${SIM_FIRST_SEASON}-10-01 to ${SIM_LAST_SEASON + 1}-09-30)`,
    covers: (date) => {
      const year = seasonYearForDate(date);
      return year >= SIM_FIRST_SEASON && year <= SIM_LAST_SEASON;
    },
  };
}

/** A replay dir serves the dates it holds a capture for: `<scraper>/<date>/` or `<scraper>/<season>/`. */
export function replayServableDates(dir: string): ServableDates {
  const dates = new Set<string>();
  const seasons = new Set<string>();
  for (const scraper of readdirSync(dir, { withFileTypes: true })) {
    if (!scraper.isDirectory()) continue;
    for (const key of readdirSync(join(dir, scraper.name), { withFileTypes: true })) {
      if (!key.isDirectory()) continue;
      if (isIsoDate(key.name)) dates.add(key.name);
      else if (SEASON_KEY.test(key.name)) seasons.add(key.name);
    }
  }
  const sortedDates = [...dates].sort();
  const parts = [
    sortedDates.length > 0 ? `dates ${sortedDates[0]} to ${sortedDates.at(-1)} (${sortedDates.length} captured)` : null,
    seasons.size > 0 ? `seasons ${[...seasons].sort().join(", ")}` : null,
  ].filter((p): p is string => p !== null);
  return {
    describe: `${dir} holds captures for ${parts.length > 0 ? parts.join(" and ") : "nothing (expected <scraper>/<YYYY-MM-DD or season>/*.json)"}`,
    covers: (date) => dates.has(date) || seasons.has(seasonLabel(seasonYearForDate(date))),
  };
}

/** Exit 2 naming the flag and the date when the source cannot serve it. */
export function assertServable(flag: string, date: string, servable: ServableDates): void {
  if (!servable.covers(date)) throw new UsageError(`${flag} ${date}: the source cannot serve this date; ${servable.describe}`);
}
