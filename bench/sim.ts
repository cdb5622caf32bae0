// Milliseconds the sim generator takes per game date (the league game log), moved out of the
// test suite: a timed assertion there failed whenever the machine was busy. Prints JSON.
// Usage: npm run bench -- sim [--seed 11]
import { simulateLeagueGameLog } from "../runtime/scrapers/sim/sim-leaguegamelog";
import { simulateSeasonSchedule } from "../runtime/scrapers/sim/sim-schedule";

const i = process.argv.indexOf("--seed");
const seed = i >= 0 ? Number(process.argv[i + 1]) : 11;
if (!Number.isInteger(seed)) throw new Error("--seed needs a whole number");
const schedule = simulateSeasonSchedule({ seasonYear: 2024, seed, finalBefore: "2025-07-01" });
const dates = ["2025-03-14", "2025-03-15", "2025-03-17", "2025-03-19", "2025-03-21", "2025-03-22"];
simulateLeagueGameLog({ gameDate: dates[0]!, seed, schedule });
const t0 = performance.now();
for (const gameDate of dates.slice(1)) simulateLeagueGameLog({ gameDate, seed, schedule });
const msPerDate = (performance.now() - t0) / (dates.length - 1);
process.stdout.write(`${JSON.stringify({ bench: "sim", dates: dates.length - 1, ms_per_date: Math.round(msPerDate * 10) / 10 })}\n`);
