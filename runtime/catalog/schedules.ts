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
    name: "nbac-team-boxscore-overnight",
    description: "Post-game team box scores for yesterday's games, with a 04:30 recovery run.",
    cron: "30 1,4 * * *",
    target: { kind: "job", role: "scraper-nbac-team-boxscore", args: ["scrape", "nbac_team_boxscore", "--date", "YESTERDAY"] },
    retryCount: 3,
    attemptDeadlineSeconds: 180,
  },
  {
    name: "nbac-play-by-play-overnight",
    description: "Play-by-play for yesterday's games, with a 04:45 recovery run.",
    cron: "45 1,4 * * *",
    target: { kind: "job", role: "scraper-nbac-play-by-play", args: ["scrape", "nbac_play_by_play", "--date", "YESTERDAY"] },
    retryCount: 3,
    attemptDeadlineSeconds: 180,
  },
  {
    name: "nbac-scoreboard-v2-game-night",
    description: "Tonight's scoreboard every 30 minutes while games are played: status and period, the finality signal.",
    cron: "*/30 19-23 * * *",
    target: { kind: "job", role: "scraper-nbac-scoreboard-v2", args: ["scrape", "nbac_scoreboard_v2", "--date", "TODAY"] },
    retryCount: 1,
    attemptDeadlineSeconds: 180,
  },
  {
    name: "nbac-scoreboard-v2-overnight",
    description: "Yesterday's final scoreboard, after late games end.",
    cron: "15 1,6 * * *",
    target: { kind: "job", role: "scraper-nbac-scoreboard-v2", args: ["scrape", "nbac_scoreboard_v2", "--date", "YESTERDAY"] },
    retryCount: 3,
    attemptDeadlineSeconds: 180,
  },
];
