import { simulateSeasonSchedule } from "./sim-schedule";

type SeasonSchedule = ReturnType<typeof simulateSeasonSchedule>;

const cache = new Map<string, SeasonSchedule>();

/** A season is generated once per (season, seed, today) and shared by the schedule and box-score sims. */
export function simulatedSchedule(seasonYear: number, seed: number, today: string): SeasonSchedule {
  const key = `${seasonYear}/${seed}/${today}`;
  let schedule = cache.get(key);
  if (!schedule) {
    schedule = simulateSeasonSchedule({ seasonYear, seed, finalBefore: today });
    cache.set(key, schedule);
  }
  return schedule;
}
