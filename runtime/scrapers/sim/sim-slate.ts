/** One ET date's games of the sim schedule, as the betting sims need them. Pure. */
import { seasonYearForDate } from "../../domain/season";
import { simulatedSchedule } from "./cached-schedule";

export interface SlateGame {
  readonly gameId: string;
  readonly seasonYear: number;
  readonly home: string;
  readonly away: string;
  /** Scheduled tip, UTC ("2025-03-16T00:00:00Z"): often the next UTC day for an evening game. */
  readonly commence: string;
  readonly final: boolean;
}

export function simSlate(gameDate: string, seed: number, today: string): SlateGame[] {
  const seasonYear = seasonYearForDate(gameDate);
  const schedule = simulatedSchedule(seasonYear, seed, today);
  const out: SlateGame[] = [];
  for (const day of schedule.leagueSchedule.gameDates) {
    for (const g of day.games) {
      if (g.gameDateEst.slice(0, 10) !== gameDate) continue;
      out.push({ gameId: g.gameId, seasonYear, home: g.homeTeam.teamTricode, away: g.awayTeam.teamTricode, commence: g.gameDateTimeUTC, final: g.gameStatus === 3 });
    }
  }
  return out;
}

/** A UTC instant `minutes` before `iso`, in the sources' second-precision Z format. */
export function minutesBefore(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) - minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, "Z");
}
