import type { MonitoringAlertPolicyConditions } from "@cdktf/provider-google/lib/monitoring-alert-policy";
import { SCHEDULER_FAILED_ATTEMPTS_METRIC, type AlertPolicySpec, type AlertSeverity, type Catalog } from "../../runtime/catalog";
import { rolePolicyName, runnerPolicyName, runners, type Runner } from "./runners";

/** Metric type prefix of user-defined log-based metrics. */
export const LOG_METRIC_PREFIX = "logging.googleapis.com/user/";
/** Monitored resources the runtime logs from (Cloud Run services and jobs). */
export const RUNTIME_RESOURCE_TYPES = ["cloud_run_revision", "cloud_run_job"] as const;

/** Google's own metrics the component-failing policies watch; they exist before anything runs. */
export const BUILTIN_FAILURE_METRICS = {
  serviceRequests: "run.googleapis.com/request_count",
  jobExecutions: "run.googleapis.com/job/completed_execution_count",
} as const;

const quote = (value: string): string => JSON.stringify(value);

/** The monitored resource a role's logs and metrics are written against. */
export function resourceTypeOf(kind: "service" | "job"): "cloud_run_revision" | "cloud_run_job" {
  return kind === "service" ? "cloud_run_revision" : "cloud_run_job";
}

function logMetricSeries(metric: string): string {
  return `metric.type=${quote(LOG_METRIC_PREFIX + metric)} AND resource.type=one_of(${RUNTIME_RESOURCE_TYPES.map(quote).join(",")})`;
}

function subscriptionSeries(metricType: string, subscriptions: readonly string[]): string {
  return `metric.type=${quote(metricType)} AND resource.type="pubsub_subscription" AND resource.label.subscription_id=one_of(${subscriptions.map(quote).join(",")})`;
}

/** The PromQL name of a log-based metric (Cloud Monitoring maps `/` and `.` this way). */
export function promqlLogMetric(metric: string): string {
  return `logging_googleapis_com:user_${metric}`;
}

/** Above `threshold` within one window: the shape of every counting condition here. */
function countAbove(displayName: string, filter: string, threshold: number, windowSeconds: number, aligner = "ALIGN_SUM"): MonitoringAlertPolicyConditions {
  return {
    displayName,
    conditionThreshold: {
      filter,
      comparison: "COMPARISON_GT",
      thresholdValue: threshold,
      duration: "0s",
      aggregations: [{ alignmentPeriod: `${windowSeconds}s`, perSeriesAligner: aligner }],
      trigger: { count: 1 },
    },
  };
}

export interface PolicyPlan {
  /** Terraform name. */
  readonly name: string;
  readonly displayName: string;
  readonly severity: AlertSeverity;
  readonly conditions: MonitoringAlertPolicyConditions[];
  /** Log-based metrics the conditions read (the policy depends on them). */
  readonly metrics: readonly string[];
  /** The `nba-props` command that diagnoses this policy's alert, placeholders filled in. */
  readonly diagnose: string;
}

export interface MessagingNames {
  readonly phaseSubscriptionNames: readonly string[];
  readonly deadLetterSubscriptionNames: readonly string[];
}

/**
 * Silence of one runner, including "never ran": PromQL's absent_over_time is true when the series
 * has no point in the window, whether it stopped or never existed (a classic absence condition
 * only arms after a first point). The metric counts no_data runs, so a date without games keeps it alive.
 */
function silencePlan(spec: AlertPolicySpec, metric: string, windowSeconds: number, runner: Runner): PolicyPlan {
  const selector = [
    `monitored_resource=${quote(resourceTypeOf(runner.roleKind))}`,
    `processor_name=${quote(runner.name)}`,
    `phase=${quote(runner.phase)}`,
  ].join(",");
  return {
    name: runnerPolicyName(spec.name, runner),
    displayName: `${spec.name}: ${runner.name} (${runner.phase})`,
    // A processor nothing depends on is not worth waking someone for.
    severity: runner.critical ? spec.severity : "warning",
    metrics: [metric],
    diagnose: spec.diagnose.replaceAll("<processor>", runner.name),
    conditions: [
      {
        displayName: `no live run of ${runner.name} in ${runner.phase} for ${windowSeconds}s`,
        conditionPrometheusQueryLanguage: {
          query: `absent_over_time(${promqlLogMetric(metric)}{${selector}}[${windowSeconds}s])`,
          duration: "0s",
          evaluationInterval: "300s",
          // The metric has no points until the first run; without this the policy could not be created before it.
          disableMetricValidation: true,
        },
      },
    ],
  };
}

function roleFailurePlans(spec: AlertPolicySpec, windowSeconds: number, catalog: Catalog): PolicyPlan[] {
  return catalog.roles.map((role) => {
    const resource = resourceTypeOf(role.kind);
    const conditions: MonitoringAlertPolicyConditions[] = [
      role.kind === "service"
        ? countAbove(
            `${role.name} answered 5xx`,
            `metric.type=${quote(BUILTIN_FAILURE_METRICS.serviceRequests)} AND resource.type=${quote(resource)} AND resource.label.service_name=${quote(role.name)} AND metric.label.response_code_class="5xx"`,
            0,
            windowSeconds,
          )
        : countAbove(
            `an execution of ${role.name} failed`,
            `metric.type=${quote(BUILTIN_FAILURE_METRICS.jobExecutions)} AND resource.type=${quote(resource)} AND resource.label.job_name=${quote(role.name)} AND metric.label.result="failed"`,
            0,
            windowSeconds,
          ),
    ];
    const schedules = catalog.schedules.filter((s) => s.target.role === role.name).map((s) => s.name);
    const metrics: string[] = [];
    if (schedules.length > 0) {
      metrics.push(SCHEDULER_FAILED_ATTEMPTS_METRIC.name);
      conditions.push(
        countAbove(
          `a Cloud Scheduler attempt on ${role.name} failed`,
          `metric.type=${quote(LOG_METRIC_PREFIX + SCHEDULER_FAILED_ATTEMPTS_METRIC.name)} AND resource.type="cloud_scheduler_job" AND resource.label.job_id=one_of(${schedules.map(quote).join(",")})`,
          0,
          windowSeconds,
        ),
      );
    }
    return {
      name: rolePolicyName(spec.name, role.name),
      displayName: `${spec.name}: ${role.name}`,
      severity: spec.severity,
      metrics,
      diagnose: spec.diagnose.replaceAll("<role>", role.name),
      conditions,
    };
  });
}

/** Turns one catalog alert policy into the Cloud Monitoring policies that carry it out. */
export function planPolicies(spec: AlertPolicySpec, catalog: Catalog, messaging: MessagingNames): PolicyPlan[] {
  const cond = spec.condition;
  const single = (conditions: MonitoringAlertPolicyConditions[], metrics: readonly string[]): PolicyPlan[] => [
    { name: spec.name, displayName: spec.name, severity: spec.severity, conditions, metrics, diagnose: spec.diagnose },
  ];
  switch (cond.kind) {
    case "log_metric_above":
      return single([countAbove(`${cond.metric} above ${cond.threshold}`, logMetricSeries(cond.metric), cond.threshold, cond.windowSeconds)], [cond.metric]);
    case "pubsub_backlog":
      return single(
        [
          countAbove(
            `dead-letter backlog above ${cond.threshold}`,
            subscriptionSeries("pubsub.googleapis.com/subscription/num_undelivered_messages", messaging.deadLetterSubscriptionNames),
            cond.threshold,
            cond.windowSeconds,
            "ALIGN_MAX",
          ),
        ],
        [],
      );
    case "pubsub_oldest_unacked":
      return single(
        [
          countAbove(
            `oldest unacked message older than ${cond.thresholdSeconds}s`,
            subscriptionSeries("pubsub.googleapis.com/subscription/oldest_unacked_message_age", messaging.phaseSubscriptionNames),
            cond.thresholdSeconds,
            cond.windowSeconds,
            "ALIGN_MAX",
          ),
        ],
        [],
      );
    case "log_metric_absent":
      // One policy per runner: a PromQL condition must be its policy's only condition.
      return runners(catalog).map((runner) => silencePlan(spec, cond.metric, cond.windowSeconds, runner));
    case "runtime_failure":
      return roleFailurePlans(spec, cond.windowSeconds, catalog);
  }
}

/** The alert's documentation: what happened, the runbook step, and the command that diagnoses it. */
export function policyDocumentation(spec: AlertPolicySpec, plan: PolicyPlan): string {
  return `${spec.description}\n\nRunbook: ${spec.runbook}\n\nDiagnose: \`${plan.diagnose}\``;
}
