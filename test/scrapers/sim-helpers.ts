/** Helpers shared by the sim tests. Independent of the generator's own date code: they use Intl. */
import type { ScheduleGame, ScheduleLeagueV2Payload } from "../../runtime/scrapers/sim/nba-com-formats";

export function allGames(schedule: ScheduleLeagueV2Payload): ScheduleGame[] {
  return schedule.leagueSchedule.gameDates.flatMap((d) => d.games);
}

export function etDateOf(game: ScheduleGame): string {
  return game.gameDateEst.slice(0, 10);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Wall clock "YYYY-MM-DDTHH:MM" of a UTC instant in an IANA zone. */
export function wallClock(instant: string, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** Calendar arithmetic on YYYY-MM-DD. */
export function plusDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** "Final" → 0, "Final/OT" → 1, "Final/OT2" → 2; null for anything else. */
export function overtimeFromStatus(text: string): number | null {
  if (text === "Final") return 0;
  if (text === "Final/OT") return 1;
  const m = /^Final\/OT(\d)$/.exec(text);
  return m ? Number(m[1]) : null;
}

