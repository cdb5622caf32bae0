import type { AlertPolicySpec, LogMetricSpec } from "./types";

/** Structured log events the runtime writes (`jsonPayload.event`); the log-based metrics count them. */
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

export const alertPolicies: readonly AlertPolicySpec[] = [
  {
    name: "failed-runs",
    description: "A processor or scraper run ended failed.",
    severity: "error",
    condition: { kind: "log_metric_above", metric: "nba_failed_runs", threshold: 0, windowSeconds: 300 },
    runbook: "nba-props runs --status failed shows the run and its error; rerun the scope with nba-props pipeline.",
  },
  {
    name: "stuck-runs",
    description: "A run stopped beating or stopped making progress.",
    severity: "critical",
    condition: { kind: "log_metric_above", metric: "nba_stuck_runs", threshold: 0, windowSeconds: 300 },
    runbook: "Check the run's heartbeat and logs; the sweeper already recorded it as failed, so a rerun is safe.",
  },
  {
    name: "streaming-buffer-postponements",
    description: "A write was postponed by BigQuery's streaming buffer.",
    severity: "warning",
    condition: { kind: "log_metric_above", metric: "nba_streaming_buffer_postponements", threshold: 0, windowSeconds: 900 },
    runbook: "The run retries later by itself; if it repeats, look for a streaming writer on the table.",
  },
  {
    name: "gate-blocks",
    description: "A phase gate blocked the next phase for a date.",
    severity: "error",
    condition: { kind: "log_metric_above", metric: "nba_gate_blocks", threshold: 0, windowSeconds: 300 },
    runbook: "nba-props gates shows why; fix the data or override with a recorded reason.",
  },
  {
    name: "dead-lettered-alerts",
    description: "An alert could not be delivered to its channel.",
    severity: "critical",
    condition: { kind: "log_metric_above", metric: "nba_dead_lettered_alerts", threshold: 0, windowSeconds: 300 },
    runbook: "Check the channel's secret and endpoint; the alert is kept in the dead letter for replay.",
  },
  {
    name: "dead-letter-backlog",
    description: "Messages are waiting in a dead-letter subscription.",
    severity: "error",
    condition: { kind: "pubsub_backlog", subscriptions: "dead_letter", threshold: 0, windowSeconds: 300 },
    runbook: "Inspect the dead-lettered messages; they failed 5 deliveries. Fix the cause, then replay.",
  },
  {
    name: "oldest-unacked-message",
    description: "A phase subscription has a message unacknowledged for over 30 minutes.",
    severity: "warning",
    condition: { kind: "pubsub_oldest_unacked", subscriptions: "phase", thresholdSeconds: 1800, windowSeconds: 300 },
    runbook: "The consumer is failing or slow; check its Cloud Run logs and error rate.",
  },
  {
    name: "critical-processor-silent",
    description: "A critical processor or scraper has had no successful run for a day.",
    severity: "critical",
    condition: { kind: "log_metric_absent", metric: "nba_successful_runs", per: "critical_processor", windowSeconds: 82800 },
    runbook: "nba-props runs --processor <name> shows its last runs; silence means it failed or never ran.",
  },
];
