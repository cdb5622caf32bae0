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
    name: "oddsa-events-morning",
    description: "Today's Odds API events (ids and UTC tip times) at the opening of the betting window.",
    cron: "45 7 * * *",
    target: { kind: "job", role: "scraper-oddsa-events", args: ["scrape", "oddsa_events", "--date", "TODAY"] },
    retryCount: 2,
    attemptDeadlineSeconds: 180,
  },
  {
    name: "oddsa-player-props-window",
    description: "Today's Odds API player points lines, every 2 h through the betting window (08:00-20:00 ET).",
    cron: "0 8-20/2 * * *",
    target: { kind: "job", role: "scraper-oddsa-player-props", args: ["scrape", "oddsa_player_props", "--date", "TODAY"] },
    retryCount: 2,
    attemptDeadlineSeconds: 180,
  },
  {
    name: "oddsa-game-lines-window",
    description: "Today's Odds API spreads and totals, every 2 h through the betting window (08:00-20:00 ET).",
    cron: "5 8-20/2 * * *",
    target: { kind: "job", role: "scraper-oddsa-game-lines", args: ["scrape", "oddsa_game_lines", "--date", "TODAY"] },
    retryCount: 2,
    attemptDeadlineSeconds: 180,
  },
  {
    name: "bp-events-morning",
    description: "Today's BettingPros events at the opening of the betting window.",
    cron: "50 7 * * *",
    target: { kind: "job", role: "scraper-bp-events", args: ["scrape", "bp_events", "--date", "TODAY"] },
    retryCount: 2,
    attemptDeadlineSeconds: 180,
  },
  {
    name: "bp-player-props-window",
    description: "Today's BettingPros points offers, every 2 h through the betting window (08:00-20:00 ET).",
    cron: "10 8-20/2 * * *",
    target: { kind: "job", role: "scraper-bp-player-props", args: ["scrape", "bp_player_props", "--date", "TODAY"] },
    retryCount: 2,
    attemptDeadlineSeconds: 180,
  },
];
