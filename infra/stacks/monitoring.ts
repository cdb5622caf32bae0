import type { Construct } from "constructs";
import { DataGoogleSecretManagerSecretVersion } from "@cdktf/provider-google/lib/data-google-secret-manager-secret-version";
import { LoggingMetric } from "@cdktf/provider-google/lib/logging-metric";
import { MonitoringAlertPolicy } from "@cdktf/provider-google/lib/monitoring-alert-policy";
import { MonitoringNotificationChannel } from "@cdktf/provider-google/lib/monitoring-notification-channel";
import { SecretManagerSecret } from "@cdktf/provider-google/lib/secret-manager-secret";
import { SCHEDULER_FAILED_ATTEMPTS_METRIC, type LogMetricSpec } from "../../runtime/catalog";
import { terraformName } from "../constructs";
import { planPolicies, policyDocumentation, RUNTIME_RESOURCE_TYPES } from "./alert-plans";
import type { StackContext } from "./context";
import type { MessagingResources } from "./messaging";

/** The Cloud Logging filter of a log-based metric: the runtime's structured event plus field filters. */
export function logMetricFilter(metric: LogMetricSpec): string {
  const clauses = [
    `resource.type=(${RUNTIME_RESOURCE_TYPES.map(quote).join(" OR ")})`,
    `jsonPayload.event=${quote(metric.event)}`,
    ...Object.entries(metric.where).map(([field, value]) =>
      typeof value === "string" ? `jsonPayload.${field}=${quote(value)}` : `jsonPayload.${field}=(${value.map(quote).join(" OR ")})`,
    ),
  ];
  return clauses.join(" AND ");
}

const quote = (value: string): string => JSON.stringify(value);

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
export function declareMonitoring(scope: Construct, ctx: StackContext, messaging: MessagingResources): MonitoringNotificationChannel[] {
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
  // Counted from Cloud Scheduler's own attempt log; the policies filter on the scheduler job (the log entry's resource).
  const schedulerAttempts = new LoggingMetric(scope, `metric-${SCHEDULER_FAILED_ATTEMPTS_METRIC.name}`, {
    name: SCHEDULER_FAILED_ATTEMPTS_METRIC.name,
    description: SCHEDULER_FAILED_ATTEMPTS_METRIC.description,
    filter: SCHEDULER_FAILED_ATTEMPTS_METRIC.filter,
    metricDescriptor: { metricKind: "DELTA", valueType: "INT64", unit: "1" },
  });
  schedulerAttempts.overrideLogicalId(terraformName(SCHEDULER_FAILED_ATTEMPTS_METRIC.name));
  metrics.set(SCHEDULER_FAILED_ATTEMPTS_METRIC.name, schedulerAttempts);

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
        severity: plan.severity.toUpperCase(),
        conditions: plan.conditions,
        notificationChannels: channels.map((c) => c.name),
        documentation: { content: policyDocumentation(spec, plan), mimeType: "text/markdown" },
        userLabels: { ...env.labels },
        // A threshold policy on a log-based metric is rejected until the metric exists and is usable
        // (up to 10 minutes after it is created): ordered here, and split in two applies (docs/deploy.md).
        dependsOn,
      }).overrideLogicalId(terraformName(plan.name));
    }
  }
  return channels;
}
