import type { AlertPolicySpec, LogMetricSpec } from "./types";

/**
 * Structured log events (`jsonPayload.event`). A log-based metric counts an event only once a runtime
 * path emits it (test/infra/declared-running.test.ts drives each one).
 */
export const LOG_EVENTS = {
  runFinished: "run_finished",
  runStuck: "run_stuck",
  writePostponed: "write_postponed",
  gateBlocked: "gate_blocked",
  gatePassed: "gate_passed",
  gateOverridden: "gate_overridden",
  alertDeadLettered: "alert_dead_lettered",
} as const;

export const logMetrics: readonly LogMetricSpec[] = [
  {
    name: "nba_failed_runs",
    description: "Runs that ended failed, by processor and phase.",
    event: LOG_EVENTS.runFinished,
    where: { status: "failed" },
    labels: ["processor_name", "phase"],
  },
  {
    name: "nba_successful_runs",
    description: "Runs that ended success, by processor and phase (a scraper and its raw processor can share a name).",
    event: LOG_EVENTS.runFinished,
    where: { status: "success" },
    labels: ["processor_name", "phase"],
  },
  {
    name: "nba_live_runs",
    description:
      "Runs that show a processor or scraper is alive: success, partial, and no_data (a date without games is a healthy day), by processor and phase.",
    event: LOG_EVENTS.runFinished,
    where: { status: ["success", "partial", "no_data"] },
    labels: ["processor_name", "phase"],
  },
  {
    name: "nba_stuck_runs",
    description: "Runs the sweeper flagged as dead (no heartbeat) or stalled (no progress).",
    event: LOG_EVENTS.runStuck,
    where: {},
    labels: ["processor_name"],
  },
  {
    name: "nba_streaming_buffer_postponements",
    description: "Writes postponed because BigQuery reported rows still in the streaming buffer.",
    event: LOG_EVENTS.writePostponed,
    where: { reason: "streaming_buffer" },
    labels: ["table"],
  },
  {
    name: "nba_gate_blocks",
    description: "Phase gates that blocked a trigger (fail closed).",
    event: LOG_EVENTS.gateBlocked,
    where: {},
    labels: ["gate", "game_date"],
  },
  {
    name: "nba_dead_lettered_alerts",
    description: "Alerts that could not be delivered after retries and went to the dead letter.",
    event: LOG_EVENTS.alertDeadLettered,
    where: {},
    labels: ["channel"],
  },
];

/**
 * Cloud Scheduler's own attempt log (written by Google for every HTTP attempt, not by the runtime):
 * Cloud Scheduler publishes no attempt metric, so failed attempts are counted from this log.
 */
export const SCHEDULER_FAILED_ATTEMPTS_METRIC = {
  name: "nba_scheduler_failed_attempts",
  description: "Cloud Scheduler attempts that failed (the target answered an error or did not answer in time), by scheduler job.",
  /** Cloud Logging filter on the scheduler's built-in log. */
  filter: 'resource.type="cloud_scheduler_job" AND jsonPayload.@type="type.googleapis.com/google.cloud.scheduler.logging.AttemptFinished" AND severity>=ERROR',
} as const;

export const alertPolicies: readonly AlertPolicySpec[] = [
  {
    name: "failed-runs",
    description: "A processor or scraper run ended failed.",
    severity: "error",
    condition: { kind: "log_metric_above", metric: "nba_failed_runs", threshold: 0, windowSeconds: 300 },
    runbook: "Read the failed run's error_message; fix the cause, then rerun the date with nba-props pipeline --date D.",
    diagnose: "nba-props runs --status failed --limit 20",
  },
  {
    name: "stuck-runs",
    description: "A run stopped beating or stopped making progress.",
    severity: "critical",
    condition: { kind: "log_metric_above", metric: "nba_stuck_runs", threshold: 0, windowSeconds: 300 },
    runbook: "Check the run's heartbeat and logs; the sweeper already recorded it as failed, so a rerun is safe.",
    diagnose: "nba-props monitor sweep --json",
  },
  {
    name: "streaming-buffer-postponements",
    description: "A write was postponed by BigQuery's streaming buffer.",
    severity: "warning",
    condition: { kind: "log_metric_above", metric: "nba_streaming_buffer_postponements", threshold: 0, windowSeconds: 900 },
    runbook: "The run retries later by itself; if it repeats, look for a streaming writer on the table.",
    diagnose: "nba-props runs --status failed --limit 20",
  },
  {
    name: "gate-blocks",
    description: "A phase gate blocked the next phase for a date.",
    severity: "error",
    condition: { kind: "log_metric_above", metric: "nba_gate_blocks", threshold: 0, windowSeconds: 300 },
    runbook: "The validation summary says which check blocked; fix the data or override with a recorded reason.",
    diagnose: "nba-props validate --backend gcp --json",
  },
  {
    name: "dead-lettered-alerts",
    description: "An alert could not be delivered to its channel.",
    severity: "critical",
    condition: { kind: "log_metric_above", metric: "nba_dead_lettered_alerts", threshold: 0, windowSeconds: 300 },
    runbook: "Check the channel's secret and endpoint; the alert is kept in the dead letter, replay it once the channel works.",
    diagnose: "nba-props alerts list --status dead_lettered --json",
  },
  {
    name: "dead-letter-backlog",
    description: "Messages are waiting in a dead-letter subscription.",
    severity: "error",
    condition: { kind: "pubsub_backlog", subscriptions: "dead_letter", threshold: 0, windowSeconds: 300 },
    runbook: "Inspect the dead-lettered messages; they exhausted their delivery attempts. Fix the cause, then replay.",
    diagnose: "nba-props runs --status failed --limit 20",
  },
  {
    name: "oldest-unacked-message",
    description: "A phase subscription has a message unacknowledged for over 30 minutes.",
    severity: "warning",
    condition: { kind: "pubsub_oldest_unacked", subscriptions: "phase", thresholdSeconds: 1800, windowSeconds: 300 },
    runbook: "The consumer is failing or slow; check its Cloud Run logs and error rate.",
    diagnose: "nba-props runs --status failed --limit 20",
  },
  {
    name: "processor-silent",
    description:
      "A processor or scraper has recorded no live run (success, partial or no_data) for a day, or never has. A date without games records no_data, so the off-season and the All-Star break do not page.",
    severity: "critical",
    // 25 h: the longest gap between two scheduled runs is under a day, and a DST change adds an hour.
    condition: { kind: "log_metric_absent", metric: "nba_live_runs", per: "runner", windowSeconds: 90000 },
    runbook: "Silence means it failed, never ran, or nothing triggered it: check its schedule and the component's execution list.",
    diagnose: "nba-props runs --processor <processor> --limit 10",
  },
  {
    name: "component-failing",
    description: "A Cloud Run job execution failed, a service answered 5xx, or a Cloud Scheduler attempt on it failed (Google's own metrics: fires even when the runtime could not start).",
    severity: "error",
    condition: { kind: "runtime_failure", per: "role", windowSeconds: 300 },
    runbook: "Open the component's Cloud Run logs for the failed execution or request; a crash at start (bad image, missing secret) shows there and in no run record.",
    diagnose: "nba-props runs --status failed --limit 20",
  },
];
