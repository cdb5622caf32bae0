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
    name: "daily-validation",
    description: "Validate every table over the last 30 days (gaps in history, not only today).",
    cron: "0 7 * * *",
    target: { kind: "job", role: "validator", args: ["validate", "--backend", "gcp"] },
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
  {
    name: "nbac-injury-report-daytime",
    description: "The injury report is republished about every 2 h on game days: fetch today's latest version.",
    cron: "30 8-22/2 * * *",
    target: { kind: "job", role: "scraper-nbac-injury-report", args: ["scrape", "nbac_injury_report", "--date", "TODAY"] },
    retryCount: 3,
    attemptDeadlineSeconds: 180,
  },
  {
    name: "nbac-team-roster-daily",
    description: "Today's 30 team rosters, before the same-day context is built.",
    cron: "0 9 * * *",
    target: { kind: "job", role: "scraper-nbac-team-roster", args: ["scrape", "nbac_team_roster", "--date", "TODAY"] },
    retryCount: 3,
    attemptDeadlineSeconds: 180,
  },
  {
    name: "nbac-player-movement-daily",
    description: "The player movement feed once a day (it returns the whole history; new transactions are inserted).",
    cron: "0 10 * * *",
    target: { kind: "job", role: "scraper-nbac-player-movement", args: ["scrape", "nbac_player_movement", "--date", "TODAY"] },
    retryCount: 3,
    attemptDeadlineSeconds: 180,
  },
  {
    name: "bdl-box-scores-overnight",
    description: "Ball Don't Lie player lines for yesterday's games, with a 06:00 recovery run.",
    cron: "0 1,2,4,6 * * *",
    target: { kind: "job", role: "scraper-bdl-box-scores", args: ["scrape", "bdl_box_scores", "--date", "YESTERDAY"] },
    retryCount: 3,
    attemptDeadlineSeconds: 180,
  },
];
