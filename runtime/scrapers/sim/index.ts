/** The sim source: seeded NBA.com payloads for the local pipeline. */
export { simulateSeasonSchedule, type SimulateSeasonScheduleOptions } from "./sim-schedule";
export { simulateLeagueGameLog, type SimulateLeagueGameLogOptions } from "./sim-leaguegamelog";
export { overtimePeriods } from "./game-outcome";
export * from "./nba-com-formats";
