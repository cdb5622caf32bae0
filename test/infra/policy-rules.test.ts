import {
  alertHasChannel,
  alertMetricDefined,
  deadLetterTopicRead,
  dedicatedServiceAccount,
  labelsRequired,
  noPrimitiveRoles,
  noPublicMembers,
  policyRules,
  pubsubServiceAgentGrants,
  runPolicyChecks,
  schedulerJobConfigured,
  stackFromJson,
  subscriptionDeadLetterPolicy,
  subscriptionRetryPolicy,
  suppressionHasReason,
  SUPPRESSION_RULE_ID,
  tablePartitioned,
  topicHasSubscription,
  type Rule,
} from "../../infra/policy";
import { TERMINAL_DEAD_LETTER_TOPIC } from "../../runtime/catalog";
import { secondPassMutants } from "./support/second-pass-mutants";
import { deepCopy, mustGet, resourceOf, synthToTemp, type Block, type Synthesized, type TerraformJson } from "./support/synth";

const STACK = "nba-props-dev";
const PHASE_SUB = "nba-phase1-scrapers-complete--raw-processors";
const PHASE_TOPIC = "nba-phase1-scrapers-complete";
const DLQ_TOPIC = `${PHASE_TOPIC}-dlq`;
const DLQ_SUB = `${DLQ_TOPIC}--alert-dispatcher`;
const TERMINAL_SUB = `${TERMINAL_DEAD_LETTER_TOPIC}--operators`;

let synth: Synthesized;
let base: TerraformJson;

beforeAll(() => {
  synth = synthToTemp();
  base = mustGet(synth.json, STACK);
});
afterAll(() => synth.cleanup());

function violationsOf(rule: Rule, tf: TerraformJson): { resource: string; message: string }[] {
  return runPolicyChecks([stackFromJson(STACK, tf)], [rule]).violations.map((v) => ({ resource: v.resource, message: v.message }));
}

function mutated(change: (tf: TerraformJson) => void): TerraformJson {
  const copy = deepCopy(base);
  change(copy);
  return copy;
}

function block(parent: Block, key: string): Block {
  const value = parent[key];
  if (typeof value !== "object" || value === null) throw new Error(`no block ${key}`);
  return (Array.isArray(value) ? value[0] : value) as Block;
}

function anyOf(tf: TerraformJson, type: string): [string, Block] {
  const first = Object.entries(tf.resource[type] ?? {})[0];
  if (!first) throw new Error(`no ${type}`);
  return first;
}

function addResource(tf: TerraformJson, type: string, name: string, body: Block): void {
  tf.resource[type] = { ...(tf.resource[type] ?? {}), [name]: body };
}

const address = (type: string, name: string): string => `${STACK}/${type}.${name}`;

interface RuleCase {
  readonly rule: Rule;
  readonly violation: string;
  readonly mutate: (tf: TerraformJson) => void;
  /** Address the violation must name; `(tf) => ...` when it depends on the synthesized names. */
  readonly resource: string | ((tf: TerraformJson) => string);
}

const cases: RuleCase[] = [
  {
    rule: subscriptionDeadLetterPolicy,
    violation: "a subscription without a dead-letter policy",
    mutate: (tf) => delete resourceOf(tf, "google_pubsub_subscription", PHASE_SUB).dead_letter_policy,
    resource: address("google_pubsub_subscription", PHASE_SUB),
  },
  {
    rule: subscriptionDeadLetterPolicy,
    violation: "a dead-letter policy with unbounded attempts",
    mutate: (tf) => {
      block(resourceOf(tf, "google_pubsub_subscription", PHASE_SUB), "dead_letter_policy").max_delivery_attempts = 500;
    },
    resource: address("google_pubsub_subscription", PHASE_SUB),
  },
  {
    rule: subscriptionRetryPolicy,
    violation: "a subscription without a retry policy",
    mutate: (tf) => delete resourceOf(tf, "google_pubsub_subscription", PHASE_SUB).retry_policy,
    resource: address("google_pubsub_subscription", PHASE_SUB),
  },
  {
    rule: subscriptionRetryPolicy,
    violation: "a retry policy with no minimum backoff",
    mutate: (tf) => delete block(resourceOf(tf, "google_pubsub_subscription", PHASE_SUB), "retry_policy").minimum_backoff,
    resource: address("google_pubsub_subscription", PHASE_SUB),
  },
  {
    rule: deadLetterTopicRead,
    violation: "a dead-letter topic nobody reads",
    mutate: (tf) => delete tf.resource.google_pubsub_subscription?.[DLQ_SUB],
    resource: address("google_pubsub_topic", DLQ_TOPIC),
  },
  {
    rule: deadLetterTopicRead,
    violation: "a dead-letter topic not declared in the stack",
    mutate: (tf) => {
      block(resourceOf(tf, "google_pubsub_subscription", PHASE_SUB), "dead_letter_policy").dead_letter_topic = "projects/p/topics/nowhere";
    },
    resource: address("google_pubsub_subscription", PHASE_SUB),
  },
  {
    rule: pubsubServiceAgentGrants,
    violation: "a dead-letter topic without the service agent's publisher grant",
    mutate: (tf) => delete tf.resource.google_pubsub_topic_iam_member?.[`pubsub-service-agent--${DLQ_TOPIC}`],
    resource: address("google_pubsub_topic", DLQ_TOPIC),
  },
  {
    rule: pubsubServiceAgentGrants,
    violation: "a subscription without the service agent's subscriber grant",
    mutate: (tf) => delete tf.resource.google_pubsub_subscription_iam_member?.[`pubsub-service-agent--${PHASE_SUB}`],
    resource: address("google_pubsub_subscription", PHASE_SUB),
  },
  {
    rule: topicHasSubscription,
    violation: "a topic nobody subscribes to",
    mutate: (tf) => addResource(tf, "google_pubsub_topic", "orphan", { name: "nba-orphan" }),
    resource: address("google_pubsub_topic", "orphan"),
  },
  {
    rule: tablePartitioned,
    violation: "an unpartitioned table without a recorded reason",
    mutate: (tf) => {
      const [, table] = anyOf(tf, "google_bigquery_table");
      delete table.time_partitioning;
      delete table["//"];
    },
    resource: (tf) => address("google_bigquery_table", anyOf(tf, "google_bigquery_table")[0]),
  },
  {
    rule: tablePartitioned,
    violation: "a partitioned table that does not require a partition filter",
    mutate: (tf) => {
      const [, table] = anyOf(tf, "google_bigquery_table");
      table.require_partition_filter = false;
      delete table["//"];
    },
    resource: (tf) => address("google_bigquery_table", anyOf(tf, "google_bigquery_table")[0]),
  },
  {
    rule: noPrimitiveRoles,
    violation: "a project-level editor grant",
    mutate: (tf) => addResource(tf, "google_project_iam_member", "broad", { project: "p", role: "roles/editor", member: "serviceAccount:x@p.iam.gserviceaccount.com" }),
    resource: address("google_project_iam_member", "broad"),
  },
  {
    rule: noPrimitiveRoles,
    violation: "an owner binding inside an IAM policy document",
    mutate: (tf) => addResource(tf, "google_project_iam_policy", "whole", { project: "p", policy_data: JSON.stringify({ bindings: [{ role: "roles/owner", members: ["user:a@b.c"] }] }) }),
    resource: address("google_project_iam_policy", "whole"),
  },
  {
    rule: noPublicMembers,
    violation: "a Cloud Run service open to allUsers",
    mutate: (tf) => addResource(tf, "google_cloud_run_v2_service_iam_member", "public", { name: "analytics-processors", role: "roles/run.invoker", member: "allUsers" }),
    resource: address("google_cloud_run_v2_service_iam_member", "public"),
  },
  {
    rule: noPublicMembers,
    violation: "a bucket readable by allAuthenticatedUsers",
    mutate: (tf) => addResource(tf, "google_storage_bucket_iam_binding", "public", { bucket: "b", role: "roles/storage.objectViewer", members: ["allAuthenticatedUsers"] }),
    resource: address("google_storage_bucket_iam_binding", "public"),
  },
  {
    rule: dedicatedServiceAccount,
    violation: "a Cloud Run service with no service account (the default compute account)",
    mutate: (tf) => delete block(resourceOf(tf, "google_cloud_run_v2_service", "raw-processors"), "template").service_account,
    resource: address("google_cloud_run_v2_service", "raw-processors"),
  },
  {
    rule: dedicatedServiceAccount,
    violation: "a Cloud Run job running as the default compute account",
    mutate: (tf) => {
      block(block(resourceOf(tf, "google_cloud_run_v2_job", "scraper-nbac-schedule"), "template"), "template").service_account = "123-compute@developer.gserviceaccount.com";
    },
    resource: address("google_cloud_run_v2_job", "scraper-nbac-schedule"),
  },
  {
    rule: schedulerJobConfigured,
    violation: "a scheduler job in UTC",
    mutate: (tf) => {
      resourceOf(tf, "google_cloud_scheduler_job", "nbac-schedule-refresh").time_zone = "Etc/UTC";
    },
    resource: address("google_cloud_scheduler_job", "nbac-schedule-refresh"),
  },
  {
    rule: schedulerJobConfigured,
    violation: "a scheduler job without retries",
    mutate: (tf) => delete resourceOf(tf, "google_cloud_scheduler_job", "nbac-schedule-refresh").retry_config,
    resource: address("google_cloud_scheduler_job", "nbac-schedule-refresh"),
  },
  {
    rule: schedulerJobConfigured,
    violation: "a scheduler job calling its target unauthenticated",
    mutate: (tf) => delete block(resourceOf(tf, "google_cloud_scheduler_job", "nbac-schedule-refresh"), "http_target").oauth_token,
    resource: address("google_cloud_scheduler_job", "nbac-schedule-refresh"),
  },
  {
    rule: alertMetricDefined,
    violation: "an alert on a log-based metric the stack does not define",
    mutate: (tf) => delete tf.resource.google_logging_metric?.nba_failed_runs,
    resource: address("google_monitoring_alert_policy", "failed-runs"),
  },
  {
    rule: alertMetricDefined,
    violation: "an alert on a custom metric nothing writes",
    mutate: (tf) => {
      const condition = (resourceOf(tf, "google_monitoring_alert_policy", "failed-runs").conditions as Block[])[0] ?? {};
      block(condition, "condition_threshold").filter = 'metric.type="custom.googleapis.com/nba/stuck" AND resource.type="global"';
    },
    resource: address("google_monitoring_alert_policy", "failed-runs"),
  },
  {
    rule: alertHasChannel,
    violation: "an alert policy with no notification channel",
    mutate: (tf) => {
      resourceOf(tf, "google_monitoring_alert_policy", "failed-runs").notification_channels = [];
    },
    resource: address("google_monitoring_alert_policy", "failed-runs"),
  },
  {
    rule: alertHasChannel,
    violation: "an alert policy notifying a channel the stack does not declare",
    mutate: (tf) => {
      resourceOf(tf, "google_monitoring_alert_policy", "failed-runs").notification_channels = ["${google_monitoring_notification_channel.gone.name}"];
    },
    resource: address("google_monitoring_alert_policy", "failed-runs"),
  },
  {
    rule: labelsRequired,
    violation: "a bucket missing the owner label",
    mutate: (tf) => delete (resourceOf(tf, "google_storage_bucket", "raw-payloads").labels as Block).owner,
    resource: address("google_storage_bucket", "raw-payloads"),
  },
  {
    rule: labelsRequired,
    violation: "an alert policy without user labels",
    mutate: (tf) => delete resourceOf(tf, "google_monitoring_alert_policy", "failed-runs").user_labels,
    resource: address("google_monitoring_alert_policy", "failed-runs"),
  },
  {
    rule: suppressionHasReason(policyRules.map((r) => r.id)),
    violation: "a suppression without a written reason",
    mutate: (tf) => {
      resourceOf(tf, "google_pubsub_subscription", TERMINAL_SUB)["//"] = { nba_policy: { suppressions: [{ rule: "pubsub-subscription-dead-letter-policy", reason: " " }] } };
    },
    resource: address("google_pubsub_subscription", TERMINAL_SUB),
  },
  {
    rule: suppressionHasReason(policyRules.map((r) => r.id)),
    violation: "a suppression of a rule that does not exist",
    mutate: (tf) => {
      resourceOf(tf, "google_pubsub_subscription", TERMINAL_SUB)["//"] = { nba_policy: { suppressions: [{ rule: "no-such-rule", reason: "because we really wanted to skip it" }] } };
    },
    resource: address("google_pubsub_subscription", TERMINAL_SUB),
  },
  ...secondPassMutants.map((m): RuleCase => ({ ...m, resource: `${STACK}/${m.resource}` })),
];

describe("policy rules", () => {
  test("every rule has an id, a severity, a description and an explanation, and ids are unique", () => {
    for (const rule of policyRules) {
      expect(rule.id).toMatch(/^[a-z0-9-]+$/);
      expect(["error", "warning"]).toContain(rule.severity);
      expect(rule.description.length).toBeGreaterThan(20);
      expect(rule.explanation.length).toBeGreaterThan(20);
    }
    expect(new Set(policyRules.map((r) => r.id)).size).toBe(policyRules.length);
  });

  test("every rule has at least one catching case below", () => {
    expect(new Set(cases.map((c) => c.rule.id))).toEqual(new Set(policyRules.map((r) => r.id)));
  });

  test.each(policyRules.map((r) => [r.id, r]))("%s passes on the synthesized stacks", (_id, rule) => {
    for (const name of synth.stackNames) expect(violationsOf(rule, mustGet(synth.json, name))).toEqual([]);
  });

  test.each(cases.map((c) => [c.rule.id, c.violation, c] as const))("%s catches %s", (_id, _violation, c) => {
    const tf = mutated(c.mutate);
    const resource = typeof c.resource === "string" ? c.resource : c.resource(tf);
    expect(violationsOf(c.rule, tf)).toContainEqual({ resource, message: expect.any(String) });
  });
});

describe("recorded suppressions", () => {
  test("the terminal subscription's suppression waives only the dead-letter rule, with its reason", () => {
    const report = runPolicyChecks([stackFromJson(STACK, base)]);
    expect(report.violations).toEqual([]);
    expect(report.suppressed).toContainEqual(
      expect.objectContaining({ rule: "pubsub-subscription-dead-letter-policy", resource: address("google_pubsub_subscription", TERMINAL_SUB), reason: expect.stringContaining("Terminal") }),
    );
  });

  test("a suppression without a reason waives nothing and is itself a violation", () => {
    const tf = mutated((t) => {
      resourceOf(t, "google_pubsub_subscription", TERMINAL_SUB)["//"] = { nba_policy: { suppressions: [{ rule: "pubsub-subscription-dead-letter-policy", reason: "" }] } };
    });
    const rules = runPolicyChecks([stackFromJson(STACK, tf)]).violations.map((v) => v.rule);
    expect(rules).toEqual(expect.arrayContaining(["pubsub-subscription-dead-letter-policy", SUPPRESSION_RULE_ID]));
  });
});
