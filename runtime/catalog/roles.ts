import { scrapers } from "./scrapers";
import type { RoleSpec } from "./types";

/** Every role raises alerts through the `gcp` profile (Slack, e-mail, Cloud Logging), so every role reads these. */
const NOTIFIER_SECRETS = ["slack-webhook-url", "smtp-password"] as const;

function service(spec: Omit<RoleSpec, "kind">): RoleSpec {
  return { kind: "service", ...spec };
}

function job(spec: Omit<RoleSpec, "kind">): RoleSpec {
  return { kind: "job", ...spec };
}

/**
 * The API key of a paid source, by the scraper's payload family: a Secret Manager secret whose
 * value reaches the job as ODDS_API_KEY, BDL_API_KEY or BETTINGPROS_API_KEY, where the http source reads it.
 */
const SOURCE_KEY_SECRETS: Readonly<Record<string, string>> = { "odds-api": "odds-api-key", bdl: "bdl-api-key", bettingpros: "bettingpros-api-key" };

const scraperJobs: RoleSpec[] = scrapers.map((s) =>
  job({
    name: s.role,
    description: `Runs the ${s.name} scraper: stores the payload and publishes a phase-1 completion.`,
    args: ["scrape", s.name],
    // The per-game and per-event scrapes look the date's games up in the stored schedule.
    datasetsRead: s.readsSchedule ? ["nba_raw"] : [],
    datasetsWritten: [],
    bucketsRead: [],
    bucketsWritten: ["raw-payloads"],
    publishesTo: ["nba-phase1-scrapers-complete"],
    usesDocStore: true,
    secrets: [...NOTIFIER_SECRETS, ...(SOURCE_KEY_SECRETS[s.family] ? [SOURCE_KEY_SECRETS[s.family]!] : [])],
    timeoutSeconds: 900,
  }),
);

/**
 * Every deployable component: Cloud Run services consume pushes, Cloud Run jobs run on schedules or by hand.
 * A role is declared only once its runtime exists (`serve --role` handlers, CLI commands): declared equals running.
 */
export const roles: readonly RoleSpec[] = [
  ...scraperJobs,
  service({
    name: "raw-processors",
    description: "Phase 2: parses stored payloads into nba_raw tables.",
    args: ["serve", "--role", "raw-processors"],
    datasetsRead: ["nba_raw"],
    datasetsWritten: ["nba_raw"],
    bucketsRead: ["raw-payloads"],
    bucketsWritten: [],
    publishesTo: ["nba-phase2-raw-complete"],
    usesDocStore: true,
    secrets: NOTIFIER_SECRETS,
    timeoutSeconds: 600,
    capacity: { concurrency: 2, maxInstances: 8, secondsPerMessage: 120 },
  }),
  service({
    name: "analytics-processors",
    description: "Phase 3: builds nba_analytics tables for a date when the 2->3 transition triggers it.",
    args: ["serve", "--role", "analytics-processors"],
    datasetsRead: ["nba_raw", "nba_reference", "nba_analytics"],
    datasetsWritten: ["nba_analytics", "nba_reference"],
    bucketsRead: [],
    bucketsWritten: [],
    publishesTo: ["nba-phase3-analytics-complete"],
    usesDocStore: true,
    secrets: NOTIFIER_SECRETS,
    timeoutSeconds: 600,
    capacity: { concurrency: 2, maxInstances: 8, secondsPerMessage: 180 },
  }),
  service({
    name: "precompute-processors",
    description: "Phase 4: builds nba_precompute tables and the feature store for a date when the 3->4 transition triggers it; one completion per processor and date.",
    args: ["serve", "--role", "precompute-processors"],
    datasetsRead: ["nba_raw", "nba_analytics", "nba_precompute", "nba_predictions"],
    datasetsWritten: ["nba_precompute", "nba_predictions"],
    bucketsRead: [],
    bucketsWritten: [],
    publishesTo: ["nba-phase4-precompute-complete"],
    usesDocStore: true,
    secrets: NOTIFIER_SECRETS,
    timeoutSeconds: 900,
    capacity: { concurrency: 2, maxInstances: 8, secondsPerMessage: 240 },
  }),
  service({
    name: "phase-orchestrator",
    description:
      "Phase transitions: records phase-2 and phase-3 completions per game date; once a date's set is complete and its gates pass (next service's health, blocking validation), publishes the phase-3 or phase-4 trigger. Takes the schedules' /trigger and /gates/sweep calls. Records phase-4 completions.",
    args: ["serve", "--role", "phase-orchestrator"],
    // nba_raw: the schedule lookup of scheduled triggers (the day's games).
    datasetsRead: ["nba_orchestration", "nba_raw"],
    datasetsWritten: [],
    bucketsRead: [],
    bucketsWritten: [],
    publishesTo: ["nba-phase3-trigger", "nba-phase4-trigger"],
    usesDocStore: true,
    secrets: NOTIFIER_SECRETS,
    timeoutSeconds: 300,
    // Three completion topics and the scheduler's calls share it; a season backfill is 10 completions per date.
    capacity: { concurrency: 10, maxInstances: 3, secondsPerMessage: 20 },
  }),
  service({
    name: "alert-dispatcher",
    description: "Reads every dead-letter subscription and raises one alert per dead-lettered message.",
    args: ["serve", "--role", "alert-dispatcher"],
    datasetsRead: [],
    datasetsWritten: [],
    bucketsRead: [],
    bucketsWritten: [],
    publishesTo: [],
    usesDocStore: true,
    secrets: NOTIFIER_SECRETS,
    timeoutSeconds: 120,
    capacity: { concurrency: 20, maxInstances: 5, secondsPerMessage: 5 },
  }),
  job({
    name: "validator",
    description: "Runs every table's checks over the look-back window (30 days) and records the results.",
    args: ["validate", "--backend", "gcp"],
    datasetsRead: ["nba_raw", "nba_reference", "nba_analytics", "nba_precompute", "nba_predictions", "nba_orchestration"],
    datasetsWritten: ["nba_orchestration"],
    bucketsRead: [],
    bucketsWritten: [],
    publishesTo: [],
    usesDocStore: true,
    secrets: NOTIFIER_SECRETS,
    timeoutSeconds: 1800,
  }),
  job({
    name: "stuck-sweeper",
    description: "Flags dead (no heartbeat) and stalled (no progress) runs, records one final failed row, alerts once.",
    args: ["monitor", "sweep", "--backend", "gcp"],
    datasetsRead: [],
    datasetsWritten: ["nba_orchestration"],
    bucketsRead: [],
    bucketsWritten: [],
    publishesTo: [],
    usesDocStore: true,
    secrets: NOTIFIER_SECRETS,
    timeoutSeconds: 300,
  }),
];
