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
