import type { ScheduleSpec } from "./types";

/** Every schedule is cron in America/New_York (DOMAIN §6.5); dates are resolved by the runtime, in ET. */
export const SCHEDULE_TIME_ZONE = "America/New_York";

export const schedules: readonly ScheduleSpec[] = [
  {
    name: "nbac-schedule-refresh",
    description: "Refresh the season schedule (stale after 6 h).",
    cron: "15 5,11,17,23 * * *",
    target: { kind: "job", role: "scraper-nbac-schedule", args: ["scrape", "nbac_schedule", "--date", "TODAY"] },
    retryCount: 3,
    attemptDeadlineSeconds: 180,
  },
  {
    name: "nbac-player-boxscore-evening",
    description: "Post-game player lines for tonight's early games.",
    cron: "0 22 * * *",
    target: { kind: "job", role: "scraper-nbac-player-boxscore", args: ["scrape", "nbac_player_boxscore", "--date", "TODAY"] },
    retryCount: 3,
    attemptDeadlineSeconds: 180,
  },
  {
    name: "nbac-player-boxscore-overnight",
    description: "Post-game player lines for yesterday's games, with a 06:00 recovery run.",
    cron: "0 1,2,4,6 * * *",
    target: { kind: "job", role: "scraper-nbac-player-boxscore", args: ["scrape", "nbac_player_boxscore", "--date", "YESTERDAY"] },
    retryCount: 3,
    attemptDeadlineSeconds: 180,
  },
  {
    name: "same-day-phase3",
    description: "Same-day analytics for tonight's slate (upcoming context).",
    cron: "30 10 * * *",
    target: { kind: "service", role: "phase-orchestrator", path: "/trigger", body: { phase: "phase_3_analytics", date: "TODAY" } },
    retryCount: 3,
    attemptDeadlineSeconds: 300,
  },
  {
    name: "same-day-phase4",
    description: "Same-day precompute for tonight's slate.",
    cron: "0 11 * * *",
    target: { kind: "service", role: "phase-orchestrator", path: "/trigger", body: { phase: "phase_4_precompute", date: "TODAY" } },
    retryCount: 3,
    attemptDeadlineSeconds: 300,
  },
  {
    name: "same-day-predictions",
    description: "Same-day predictions; picks are due at 13:00 ET.",
    cron: "30 11 * * *",
    target: { kind: "service", role: "phase-orchestrator", path: "/trigger", body: { phase: "phase_5_predictions", date: "TODAY" } },
    retryCount: 3,
    attemptDeadlineSeconds: 300,
  },
  {
    name: "gate-sweep",
    description: "Re-evaluate blocked gates so a block is retried, never latched.",
    cron: "*/30 * * * *",
    target: { kind: "service", role: "phase-orchestrator", path: "/gates/sweep", body: { date: "YESTERDAY" } },
    retryCount: 1,
    attemptDeadlineSeconds: 300,
  },
  {
    name: "daily-validation",
    description: "Validate every table over the last 7 days (gaps in history, not only today).",
    cron: "0 7 * * *",
    target: { kind: "job", role: "validator", args: ["validate", "--lookback-days", "7"] },
    retryCount: 2,
    attemptDeadlineSeconds: 180,
  },
  {
    name: "stuck-run-sweep",
    description: "Find dead and stalled runs within minutes: fail them once, alert once.",
    cron: "* * * * *",
    target: { kind: "job", role: "stuck-sweeper", args: ["monitor", "sweep", "--backend", "gcp"] },
    retryCount: 1,
    attemptDeadlineSeconds: 120,
  },
];
