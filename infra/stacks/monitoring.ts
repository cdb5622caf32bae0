import type { Construct } from "constructs";
import { DataGoogleSecretManagerSecretVersion } from "@cdktf/provider-google/lib/data-google-secret-manager-secret-version";
import { LoggingMetric } from "@cdktf/provider-google/lib/logging-metric";
import { MonitoringAlertPolicy, type MonitoringAlertPolicyConditions } from "@cdktf/provider-google/lib/monitoring-alert-policy";
import { MonitoringNotificationChannel } from "@cdktf/provider-google/lib/monitoring-notification-channel";
import { SecretManagerSecret } from "@cdktf/provider-google/lib/secret-manager-secret";
import type { AlertPolicySpec, Catalog, LogMetricSpec } from "../../runtime/catalog";
import { terraformName } from "../constructs";
import type { StackContext } from "./context";
import type { MessagingResources } from "./messaging";

/** Metric type prefix of user-defined log-based metrics. */
export const LOG_METRIC_PREFIX = "logging.googleapis.com/user/";
/** Monitored resources the runtime logs from (Cloud Run services and jobs). */
const RUNTIME_RESOURCE_TYPES = ["cloud_run_revision", "cloud_run_job"] as const;

const quote = (value: string): string => JSON.stringify(value);

/** The Cloud Logging filter of a log-based metric: the runtime's structured event plus equality filters. */
export function logMetricFilter(metric: LogMetricSpec): string {
  const clauses = [
    `resource.type=(${RUNTIME_RESOURCE_TYPES.map(quote).join(" OR ")})`,
    `jsonPayload.event=${quote(metric.event)}`,
    ...Object.entries(metric.where).map(([field, value]) => `jsonPayload.${field}=${quote(value)}`),
  ];
  return clauses.join(" AND ");
}

function logMetricSeries(metric: string): string {
  return `metric.type=${quote(LOG_METRIC_PREFIX + metric)} AND resource.type=one_of(${RUNTIME_RESOURCE_TYPES.map(quote).join(",")})`;
}

function subscriptionSeries(metricType: string, subscriptions: readonly string[]): string {
  return `metric.type=${quote(metricType)} AND resource.type="pubsub_subscription" AND resource.label.subscription_id=one_of(${subscriptions.map(quote).join(",")})`;
}

export interface CriticalRunner {
  readonly name: string;
  readonly phase: string;
}

/**
 * Whose silence the `log_metric_absent` policy watches: critical processors and scrapers. A
 * scraper and its raw processor can share a name (nbac_schedule), so each is told apart by phase.
 */
export function criticalRunners(catalog: Catalog): CriticalRunner[] {
  return [
    ...catalog.scrapers.filter((s) => s.critical).map((s) => ({ name: s.name, phase: "phase_1_scrapers" })),
    ...catalog.processors.filter((p) => p.critical).map((p) => ({ name: p.name, phase: p.phase })),
  ];
}

interface PolicyPlan {
  readonly name: string;
  readonly displayName: string;
  readonly conditions: MonitoringAlertPolicyConditions[];
  readonly metrics: readonly string[];
}

/** Turns one catalog alert policy into one or more Cloud Monitoring policies (one per critical processor for absences). */
function planPolicies(spec: AlertPolicySpec, catalog: Catalog, messaging: MessagingResources): PolicyPlan[] {
  const cond = spec.condition;
  switch (cond.kind) {
    case "log_metric_above":
      return [
        {
          name: spec.name,
          displayName: spec.name,
          metrics: [cond.metric],
          conditions: [
            {
              displayName: `${cond.metric} above ${cond.threshold}`,
              conditionThreshold: {
                filter: logMetricSeries(cond.metric),
                comparison: "COMPARISON_GT",
                thresholdValue: cond.threshold,
                duration: "0s",
                aggregations: [{ alignmentPeriod: `${cond.windowSeconds}s`, perSeriesAligner: "ALIGN_SUM" }],
                trigger: { count: 1 },
              },
            },
          ],
        },
      ];
    case "pubsub_backlog":
      return [
        {
          name: spec.name,
          displayName: spec.name,
          metrics: [],
          conditions: [
            {
              displayName: `dead-letter backlog above ${cond.threshold}`,
              conditionThreshold: {
                filter: subscriptionSeries("pubsub.googleapis.com/subscription/num_undelivered_messages", messaging.deadLetterSubscriptionNames),
                comparison: "COMPARISON_GT",
                thresholdValue: cond.threshold,
                duration: "0s",
                aggregations: [{ alignmentPeriod: `${cond.windowSeconds}s`, perSeriesAligner: "ALIGN_MAX" }],
                trigger: { count: 1 },
              },
            },
          ],
        },
      ];
    case "pubsub_oldest_unacked":
      return [
        {
          name: spec.name,
          displayName: spec.name,
          metrics: [],
          conditions: [
            {
              displayName: `oldest unacked message older than ${cond.thresholdSeconds}s`,
              conditionThreshold: {
                filter: subscriptionSeries("pubsub.googleapis.com/subscription/oldest_unacked_message_age", messaging.phaseSubscriptionNames),
                comparison: "COMPARISON_GT",
                thresholdValue: cond.thresholdSeconds,
                duration: "0s",
                aggregations: [{ alignmentPeriod: `${cond.windowSeconds}s`, perSeriesAligner: "ALIGN_MAX" }],
                trigger: { count: 1 },
              },
            },
          ],
        },
      ];
    case "log_metric_absent":
      // One policy per processor: a policy holds at most 6 conditions, and the catalog's critical list will grow.
      return criticalRunners(catalog).map((runner) => ({
        name: terraformName(spec.name, `${runner.name}-${runner.phase}`),
        displayName: `${spec.name}: ${runner.name} (${runner.phase})`,
        metrics: [cond.metric],
        conditions: [
          {
            displayName: `no successful run of ${runner.name} in ${runner.phase}`,
            conditionAbsent: {
              filter: `${logMetricSeries(cond.metric)} AND metric.label.processor_name=${quote(runner.name)} AND metric.label.phase=${quote(runner.phase)}`,
              duration: `${cond.windowSeconds}s`,
              aggregations: [{ alignmentPeriod: "300s", perSeriesAligner: "ALIGN_SUM" }],
              trigger: { count: 1 },
            },
          },
        ],
      }));
  }
}

function notificationChannels(scope: Construct, { env }: StackContext): MonitoringNotificationChannel[] {
  const channels = env.alertRecipients.emails.map((email) => {
    const channel = new MonitoringNotificationChannel(scope, `channel-${email}`, {
      displayName: `nba-props ${env.name}: ${email}`,
      type: "email",
      labels: { email_address: email },
      userLabels: { ...env.labels },
    });
    channel.overrideLogicalId(terraformName("email", email));
    return channel;
  });
  const slack = env.alertRecipients.slack;
  if (slack) {
    const secret = new SecretManagerSecret(scope, `secret-${slack.authTokenSecret}`, {
      secretId: slack.authTokenSecret,
      replication: { auto: {} },
      labels: { ...env.labels },
    });
    secret.overrideLogicalId(terraformName(slack.authTokenSecret));
    // The token is read from Secret Manager at plan time; it never appears in code or in the environment file.
    const token = new DataGoogleSecretManagerSecretVersion(scope, `slack-token`, { secret: secret.secretId });
    token.overrideLogicalId(terraformName(slack.authTokenSecret));
    const channel = new MonitoringNotificationChannel(scope, "channel-slack", {
      displayName: `nba-props ${env.name}: ${slack.channelName}`,
      type: "slack",
      labels: { channel_name: slack.channelName },
      sensitiveLabels: { authToken: token.secretData },
      userLabels: { ...env.labels },
    });
    channel.overrideLogicalId(terraformName("slack", slack.channelName.replace(/^#/, "")));
    channels.push(channel);
  }
  return channels;
}

/** Log-based metrics, notification channels, and the catalog's alert policies. */
export function declareMonitoring(scope: Construct, ctx: StackContext, messaging: MessagingResources): void {
  const { env, catalog } = ctx;
  const metrics = new Map<string, LoggingMetric>();
  for (const spec of catalog.logMetrics) {
    const metric = new LoggingMetric(scope, `metric-${spec.name}`, {
      name: spec.name,
      description: spec.description,
      filter: logMetricFilter(spec),
      metricDescriptor: {
        metricKind: "DELTA",
        valueType: "INT64",
        unit: "1",
        labels: spec.labels.map((key) => ({ key, valueType: "STRING", description: `jsonPayload.${key} of the log entry` })),
      },
      labelExtractors: Object.fromEntries(spec.labels.map((key) => [key, `EXTRACT(jsonPayload.${key})`])),
    });
    metric.overrideLogicalId(terraformName(spec.name));
    metrics.set(spec.name, metric);
  }

  const channels = notificationChannels(scope, ctx);
  for (const spec of catalog.alertPolicies) {
    for (const plan of planPolicies(spec, catalog, messaging)) {
      const dependsOn = plan.metrics.map((name) => {
        const metric = metrics.get(name);
        if (!metric) throw new Error(`catalog: alert ${spec.name} watches undefined metric ${name}`);
        return metric;
      });
      new MonitoringAlertPolicy(scope, `alert-${plan.name}`, {
        displayName: `nba-props ${env.name}: ${plan.displayName}`,
        combiner: "OR",
        severity: spec.severity.toUpperCase(),
        conditions: plan.conditions,
        notificationChannels: channels.map((c) => c.name),
        documentation: { content: `${spec.description}\n\nRunbook: ${spec.runbook}`, mimeType: "text/markdown" },
        userLabels: { ...env.labels },
        // A policy on a log-based metric is rejected until the metric exists.
        dependsOn,
      }).overrideLogicalId(terraformName(plan.name));
    }
  }
}
