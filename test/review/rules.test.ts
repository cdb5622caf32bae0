import {
  builtinMetricAlertRemoved,
  cloudRunIngressWidened,
  pushAuthenticationRemoved,
  bigqueryColumnRemovedOrRetyped,
  bigqueryDataDeleted,
  bigqueryPartitionExpirationShortened,
  bigqueryPartitioningOrClusteringChanged,
  cloudRunServiceAccountChanged,
  deletionProtectionDisabled,
  iamWidened,
  monitoringAlertRemovedOrDisabled,
  pubsubDeadLetterPolicyRemoved,
  pubsubMessageRetentionShortened,
  pubsubTopicOrSubscriptionDeleted,
  retryOrAttemptLimitsChanged,
  reviewChanges,
  reviewRules,
  schedulerJobDeleted,
  type ResourceChange,
  type ReviewRule,
} from "../../infra/review";
import { changed, created, destroyed, schema } from "./support/changes";

const reasons = (rule: ReviewRule, change: ResourceChange): string[] => rule.check(change).map((f) => f.reason);

const TABLE = "google_bigquery_table";
const table = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  dataset_id: "${google_bigquery_dataset.nba_raw.dataset_id}",
  table_id: "games",
  schema: schema(["game_id", "STRING", "REQUIRED"], ["game_date", "DATE", "REQUIRED"], ["points", "INT64"]),
  time_partitioning: { type: "DAY", field: "game_date" },
  clustering: ["game_id"],
  deletion_protection: true,
  ...extra,
});

const SUBSCRIPTION = "google_pubsub_subscription";
const subscription = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  name: "phase1--raw",
  topic: "${google_pubsub_topic.phase1.id}",
  message_retention_duration: "604800s",
  dead_letter_policy: { dead_letter_topic: "${google_pubsub_topic.phase1-dlq.id}", max_delivery_attempts: 5 },
  retry_policy: { minimum_backoff: "10s", maximum_backoff: "600s" },
  ...extra,
});

describe("every rule has an id, a risk and a description, and all are run", () => {
  test.each(reviewRules.map((r) => [r.id, r] as const))("%s", (_id, rule) => {
    expect(rule.id).toMatch(/^[a-z0-9-]+$/);
    expect(["high", "medium"]).toContain(rule.risk);
    expect(rule.description.length).toBeGreaterThan(20);
  });

  test("rule ids are unique", () => {
    expect(new Set(reviewRules.map((r) => r.id)).size).toBe(reviewRules.length);
  });
});

describe("bigquery-data-deleted", () => {
  test("catches a destroyed table and dataset, and a replaced table with its cause", () => {
    expect(reasons(bigqueryDataDeleted, destroyed(TABLE, table()))).toEqual(["table games is destroyed with all its data"]);
    expect(reasons(bigqueryDataDeleted, destroyed("google_bigquery_dataset", { dataset_id: "nba_raw" }))).toEqual(["dataset nba_raw is destroyed, and every table in it with its data"]);
    const replaced = changed(TABLE, table(), table({ table_id: "games_v2" }));
    expect(replaced.action).toBe("replace");
    expect(reasons(bigqueryDataDeleted, replaced)).toEqual([
      "table games_v2 is replaced (because table_id changes): the table and its data are deleted and an empty table is created",
    ]);
  });

  test("stays quiet on a created or updated table and on other types", () => {
    expect(bigqueryDataDeleted.check(created(TABLE, table()))).toEqual([]);
    expect(bigqueryDataDeleted.check(changed(TABLE, table(), table({ description: "new" })))).toEqual([]);
    expect(bigqueryDataDeleted.check(destroyed("google_storage_bucket", { name: "b" }))).toEqual([]);
  });
});

describe("bigquery-partitioning-or-clustering-changed", () => {
  test("catches a new partition field (a replace) and new clustering (an update)", () => {
    const repartitioned = changed(TABLE, table(), table({ time_partitioning: { type: "DAY", field: "loaded_at" } }));
    expect(repartitioned.action).toBe("replace");
    expect(reasons(bigqueryPartitioningOrClusteringChanged, repartitioned)).toEqual([
      "partitioning changes from DAY on game_date to DAY on loaded_at: the table is replaced and its data deleted",
    ]);
    const reclustered = changed(TABLE, table(), table({ clustering: ["game_date", "game_id"] }));
    expect(reclustered.action).toBe("update");
    expect(reasons(bigqueryPartitioningOrClusteringChanged, reclustered)).toEqual([
      "clustering changes from [game_id] to [game_date, game_id]: only data written from now on is clustered the new way",
    ]);
  });

  test("catches partitioning removed", () => {
    const { time_partitioning: _dropped, ...unpartitioned } = table();
    expect(reasons(bigqueryPartitioningOrClusteringChanged, changed(TABLE, table(), unpartitioned))).toEqual([
      "partitioning changes from DAY on game_date to none: the table is replaced and its data deleted",
    ]);
  });

  test("stays quiet when only the partition expiration or the description changes", () => {
    expect(bigqueryPartitioningOrClusteringChanged.check(changed(TABLE, table(), table({ time_partitioning: { type: "DAY", field: "game_date", expiration_ms: 1000 } })))).toEqual([]);
    expect(bigqueryPartitioningOrClusteringChanged.check(changed(TABLE, table(), table({ description: "x" })))).toEqual([]);
  });
});

describe("bigquery-partition-expiration-shortened", () => {
  const expiring = (days: number | undefined): Record<string, unknown> =>
    table({ time_partitioning: { type: "DAY", field: "game_date", ...(days === undefined ? {} : { expiration_ms: days * 86400000 }) } });

  test("catches a new or shorter expiration", () => {
    expect(reasons(bigqueryPartitionExpirationShortened, changed(TABLE, expiring(undefined), expiring(30)))).toEqual([
      "partitions expire after 30 days instead of never: older partitions are deleted",
    ]);
    expect(bigqueryPartitionExpirationShortened.check(changed(TABLE, expiring(365), expiring(30)))).toHaveLength(1);
  });

  test("stays quiet when the expiration grows or goes away", () => {
    expect(bigqueryPartitionExpirationShortened.check(changed(TABLE, expiring(30), expiring(365)))).toEqual([]);
    expect(bigqueryPartitionExpirationShortened.check(changed(TABLE, expiring(30), expiring(undefined)))).toEqual([]);
  });
});

describe("bigquery-column-removed-or-retyped", () => {
  test("catches a removed column (in place) and a type change (a replace)", () => {
    const dropped = changed(TABLE, table(), table({ schema: schema(["game_id", "STRING", "REQUIRED"], ["game_date", "DATE", "REQUIRED"]) }));
    expect(dropped.action).toBe("update");
    expect(reasons(bigqueryColumnRemovedOrRetyped, dropped)).toEqual(["column points (INT64) is removed from table games with its data"]);
    const retyped = changed(TABLE, table(), table({ schema: schema(["game_id", "STRING", "REQUIRED"], ["game_date", "DATE", "REQUIRED"], ["points", "FLOAT64"]) }));
    expect(retyped.action).toBe("replace");
    expect(reasons(bigqueryColumnRemovedOrRetyped, retyped)).toEqual([
      "column points of table games changes type from INT64 to FLOAT64; the table is replaced and all its data deleted",
    ]);
  });

  test("stays quiet on an added NULLABLE column, a reordering and INTEGER spelled INT64", () => {
    const added = changed(TABLE, table(), table({ schema: schema(["game_id", "STRING", "REQUIRED"], ["game_date", "DATE", "REQUIRED"], ["points", "INT64"], ["assists", "INT64"]) }));
    expect(added.action).toBe("update");
    expect(bigqueryColumnRemovedOrRetyped.check(added)).toEqual([]);
    const respelled = changed(TABLE, table(), table({ schema: schema(["points", "INTEGER"], ["game_id", "STRING", "REQUIRED"], ["game_date", "DATE", "REQUIRED"]) }));
    expect(respelled.action).toBe("update");
    expect(bigqueryColumnRemovedOrRetyped.check(respelled)).toEqual([]);
  });
});

describe("pubsub-topic-or-subscription-deleted", () => {
  test("catches a deleted topic, a deleted subscription and a replaced subscription", () => {
    expect(reasons(pubsubTopicOrSubscriptionDeleted, destroyed("google_pubsub_topic", { name: "phase1" }))).toEqual([
      "topic phase1 is deleted: publishing to it fails and its subscriptions receive nothing more",
    ]);
    expect(pubsubTopicOrSubscriptionDeleted.check(destroyed(SUBSCRIPTION, subscription()))).toHaveLength(1);
    const moved = changed(SUBSCRIPTION, subscription(), subscription({ topic: "${google_pubsub_topic.phase2.id}" }));
    expect(moved.action).toBe("replace");
    expect(reasons(pubsubTopicOrSubscriptionDeleted, moved)).toEqual(["subscription phase1--raw is replaced (because topic changes): its unacknowledged messages are lost"]);
  });

  test("stays quiet on created or updated topics and subscriptions", () => {
    expect(pubsubTopicOrSubscriptionDeleted.check(created("google_pubsub_topic", { name: "phase9" }))).toEqual([]);
    expect(pubsubTopicOrSubscriptionDeleted.check(changed(SUBSCRIPTION, subscription(), subscription({ ack_deadline_seconds: 60 })))).toEqual([]);
  });
});

describe("pubsub-dead-letter-policy-removed", () => {
  test("catches a removed dead-letter policy", () => {
    const { dead_letter_policy: _dropped, ...without } = subscription();
    expect(reasons(pubsubDeadLetterPolicyRemoved, changed(SUBSCRIPTION, subscription(), without))).toEqual([
      "subscription phase1--raw loses its dead_letter_policy (was ${google_pubsub_topic.phase1-dlq.id}): a poison message loops instead of being dead-lettered",
    ]);
  });

  test("stays quiet when the policy stays, is added, or only its attempts change", () => {
    const { dead_letter_policy: _dropped, ...without } = subscription();
    expect(pubsubDeadLetterPolicyRemoved.check(changed(SUBSCRIPTION, without, subscription()))).toEqual([]);
    expect(pubsubDeadLetterPolicyRemoved.check(changed(SUBSCRIPTION, subscription(), subscription({ dead_letter_policy: { dead_letter_topic: "t", max_delivery_attempts: 9 } })))).toEqual([]);
  });
});

describe("pubsub-message-retention-shortened", () => {
  test("catches a shorter subscription retention and a topic retention removed", () => {
    expect(reasons(pubsubMessageRetentionShortened, changed(SUBSCRIPTION, subscription(), subscription({ message_retention_duration: "3600s" })))).toEqual([
      "subscription phase1--raw keeps messages 1 hour instead of 7 days: messages older than that are dropped",
    ]);
    const topic = changed("google_pubsub_topic", { name: "phase1", message_retention_duration: "86400s" }, { name: "phase1" });
    expect(reasons(pubsubMessageRetentionShortened, topic)).toEqual(["topic phase1 no longer retains messages itself (was 1 day): replaying or seeking back is no longer possible"]);
  });

  test("an unset subscription retention is the provider's 7-day default, not zero", () => {
    const { message_retention_duration: _dropped, ...defaulted } = subscription();
    expect(pubsubMessageRetentionShortened.check(changed(SUBSCRIPTION, subscription(), defaulted))).toEqual([]);
  });

  test("stays quiet on a longer retention or an unparseable value", () => {
    expect(pubsubMessageRetentionShortened.check(changed(SUBSCRIPTION, subscription({ message_retention_duration: "3600s" }), subscription()))).toEqual([]);
    expect(pubsubMessageRetentionShortened.check(changed(SUBSCRIPTION, subscription(), subscription({ message_retention_duration: "(known after apply)" })))).toEqual([]);
  });
});

describe("scheduler-job-deleted", () => {
  test("catches a deleted job, naming its schedule", () => {
    expect(reasons(schedulerJobDeleted, destroyed("google_cloud_scheduler_job", { name: "gate-sweep", schedule: "*/30 * * * *" }))).toEqual([
      "scheduler job gate-sweep (*/30 * * * *) is deleted: what it triggers stops running",
    ]);
  });

  test("stays quiet on a changed schedule", () => {
    expect(schedulerJobDeleted.check(changed("google_cloud_scheduler_job", { name: "j", schedule: "0 1 * * *" }, { name: "j", schedule: "0 2 * * *" }))).toEqual([]);
  });
});

describe("iam-widened", () => {
  test("catches a primitive role, a public member and a project-wide admin role", () => {
    expect(reasons(iamWidened, created("google_project_iam_member", { project: "p", role: "roles/editor", member: "serviceAccount:ci@p.iam.gserviceaccount.com" }))).toEqual([
      "grants roles/editor to serviceAccount:ci@p.iam.gserviceaccount.com (a primitive role: write access to nearly everything)",
    ]);
    const publicInvoker = changed("google_cloud_run_v2_service_iam_member", { role: "roles/run.invoker", member: "serviceAccount:a@p" }, { role: "roles/run.invoker", member: "allUsers" });
    expect(publicInvoker.action).toBe("replace");
    expect(reasons(iamWidened, publicInvoker)).toEqual(["grants roles/run.invoker to allUsers (anyone on the internet)"]);
    expect(iamWidened.check(created("google_project_iam_member", { role: "roles/bigquery.admin", member: "user:a@example.com" }))).toHaveLength(1);
    expect(iamWidened.check(created("google_project_iam_binding", { role: "roles/iam.serviceAccountTokenCreator", members: ["user:a@example.com"] }))).toHaveLength(1);
  });

  test("catches a public member added to a binding, a policy document and a dataset access entry", () => {
    expect(iamWidened.check(changed("google_storage_bucket_iam_binding", { role: "roles/storage.objectViewer", members: ["user:a@x.com"] }, { role: "roles/storage.objectViewer", members: ["user:a@x.com", "allAuthenticatedUsers"] }))).toHaveLength(1);
    const policy = JSON.stringify({ bindings: [{ role: "roles/pubsub.subscriber", members: ["allUsers"] }] });
    expect(iamWidened.check(created("google_pubsub_topic_iam_policy", { policy_data: policy }))).toHaveLength(1);
    expect(iamWidened.check(created("google_bigquery_dataset_access", { role: "READER", special_group: "allAuthenticatedUsers" }))).toHaveLength(1);
  });

  test("stays quiet on narrow grants, grants that already existed, removed grants and token creator on one account", () => {
    const narrow = { role: "roles/pubsub.publisher", member: "serviceAccount:a@p" };
    expect(iamWidened.check(created("google_pubsub_topic_iam_member", narrow))).toEqual([]);
    expect(iamWidened.check(created("google_service_account_iam_member", { role: "roles/iam.serviceAccountTokenCreator", member: "serviceAccount:agent@p" }))).toEqual([]);
    const editor = { role: "roles/editor", member: "user:a@example.com" };
    expect(iamWidened.check(changed("google_project_iam_member", { ...editor, condition: { title: "a" } }, { ...editor, condition: { title: "b" } }))).toEqual([]);
    expect(iamWidened.check(destroyed("google_project_iam_member", editor))).toEqual([]);
  });
});

describe("deletion-protection-disabled", () => {
  test("catches deletion_protection, Firestore protection and force_destroy turned off", () => {
    expect(reasons(deletionProtectionDisabled, changed(TABLE, table(), table({ deletion_protection: false })))).toEqual([
      "deletion_protection changes from true to false: Terraform may now delete it",
    ]);
    const firestore = changed(
      "google_firestore_database",
      { name: "(default)", delete_protection_state: "DELETE_PROTECTION_ENABLED", deletion_policy: "ABANDON" },
      { name: "(default)", delete_protection_state: "DELETE_PROTECTION_DISABLED", deletion_policy: "DELETE" },
    );
    expect(deletionProtectionDisabled.check(firestore).map((f) => f.reason)).toEqual([
      "delete_protection_state changes from DELETE_PROTECTION_ENABLED to DELETE_PROTECTION_DISABLED: the database and every document in it can now be deleted",
      "deletion_policy changes from ABANDON to DELETE: terraform destroy now deletes the database instead of abandoning it",
    ]);
    expect(deletionProtectionDisabled.check(changed("google_storage_bucket", { name: "b" }, { name: "b", force_destroy: true }))).toHaveLength(1);
  });

  test("an unset deletion_protection on a table or Cloud Run service is the provider's default, true", () => {
    const { deletion_protection: _dropped, ...defaulted } = table();
    expect(deletionProtectionDisabled.check(changed(TABLE, defaulted, table({ deletion_protection: false })))).toHaveLength(1);
  });

  test("stays quiet when protection is turned on, stays off, or a new resource starts unprotected", () => {
    expect(deletionProtectionDisabled.check(changed(TABLE, table({ deletion_protection: false }), table()))).toEqual([]);
    expect(deletionProtectionDisabled.check(changed(TABLE, table({ deletion_protection: false }), table({ deletion_protection: false, description: "x" })))).toEqual([]);
    expect(deletionProtectionDisabled.check(created(TABLE, table({ deletion_protection: false })))).toEqual([]);
  });
});

describe("monitoring-alert-removed-or-disabled", () => {
  const alert = { display_name: "nba-props dev: failed-runs", combiner: "OR" };

  test("catches a removed and a disabled alert policy", () => {
    expect(reasons(monitoringAlertRemovedOrDisabled, destroyed("google_monitoring_alert_policy", alert))).toEqual([
      'alert policy "nba-props dev: failed-runs" is removed: what it watched goes unnoticed',
    ]);
    expect(monitoringAlertRemovedOrDisabled.check(changed("google_monitoring_alert_policy", alert, { ...alert, enabled: false }))).toHaveLength(1);
  });

  test("stays quiet on a re-enabled or edited policy", () => {
    expect(monitoringAlertRemovedOrDisabled.check(changed("google_monitoring_alert_policy", { ...alert, enabled: false }, { ...alert, enabled: true }))).toEqual([]);
    expect(monitoringAlertRemovedOrDisabled.check(changed("google_monitoring_alert_policy", alert, { ...alert, combiner: "AND" }))).toEqual([]);
  });
});

describe("retry-or-attempt-limits-changed", () => {
  test("catches delivery attempts, retry backoff and scheduler retries", () => {
    expect(reasons(retryOrAttemptLimitsChanged, changed(SUBSCRIPTION, subscription(), subscription({ dead_letter_policy: { dead_letter_topic: "${google_pubsub_topic.phase1-dlq.id}", max_delivery_attempts: 20 } })))).toEqual([
      "retry limits change: dead_letter_policy.max_delivery_attempts 5 → 20",
    ]);
    expect(retryOrAttemptLimitsChanged.check(changed(SUBSCRIPTION, subscription(), subscription({ retry_policy: { minimum_backoff: "1s", maximum_backoff: "600s" } })))).toHaveLength(1);
    expect(retryOrAttemptLimitsChanged.check(changed("google_cloud_scheduler_job", { name: "j", retry_config: { retry_count: 3 } }, { name: "j", retry_config: { retry_count: 1 } }))).toHaveLength(1);
  });

  test("stays quiet when the dead-letter policy goes away whole (that is the high-risk rule's) or nothing retry-related changes", () => {
    const { dead_letter_policy: _dropped, ...without } = subscription();
    expect(retryOrAttemptLimitsChanged.check(changed(SUBSCRIPTION, subscription(), without))).toEqual([]);
    expect(retryOrAttemptLimitsChanged.check(changed(SUBSCRIPTION, subscription(), subscription({ ack_deadline_seconds: 30 })))).toEqual([]);
  });
});

describe("cloud-run-service-account-changed", () => {
  const service = (account: string): Record<string, unknown> => ({ name: "raw-processors", template: { service_account: account, timeout: "300s" } });

  test("catches a service running as another account", () => {
    expect(reasons(cloudRunServiceAccountChanged, changed("google_cloud_run_v2_service", service("a@p"), service("b@p")))).toEqual([
      "raw-processors runs as b@p instead of a@p: what it may read and write changes with it",
    ]);
    const job = (account: string): Record<string, unknown> => ({ name: "validator", template: { template: { service_account: account } } });
    expect(cloudRunServiceAccountChanged.check(changed("google_cloud_run_v2_job", job("a@p"), job("b@p")))).toHaveLength(1);
  });

  test("stays quiet on other template changes", () => {
    expect(cloudRunServiceAccountChanged.check(changed("google_cloud_run_v2_service", service("a@p"), { ...service("a@p"), description: "x" }))).toEqual([]);
  });
});

describe("push-authentication-removed", () => {
  const pushing = (oidc: Record<string, unknown> | undefined): Record<string, unknown> =>
    subscription({ push_config: { push_endpoint: "${google_cloud_run_v2_service.raw.uri}/pubsub", ...(oidc ? { oidc_token: oidc } : {}) } });
  const token = { service_account_email: "${google_service_account.push.email}", audience: "${google_cloud_run_v2_service.raw.uri}" };

  test("catches a push that loses its OIDC token, and an audience that changes", () => {
    expect(reasons(pushAuthenticationRemoved, changed(SUBSCRIPTION, pushing(token), pushing(undefined)))).toEqual([
      "subscription phase1--raw loses its OIDC token: its calls arrive unauthenticated and are refused",
    ]);
    expect(reasons(pushAuthenticationRemoved, changed(SUBSCRIPTION, pushing(token), pushing({ ...token, audience: "https://elsewhere" })))).toEqual([
      "subscription phase1--raw changes its OIDC audience from ${google_cloud_run_v2_service.raw.uri} to https://elsewhere: the target refuses a token for another audience",
    ]);
  });

  test("catches a scheduler job that loses its token", () => {
    const job = (target: Record<string, unknown>): Record<string, unknown> => ({ name: "gate-sweep", http_target: { uri: "https://x", ...target } });
    expect(reasons(pushAuthenticationRemoved, changed("google_cloud_scheduler_job", job({ oauth_token: { service_account_email: "s@p" } }), job({})))).toEqual([
      "scheduler job gate-sweep loses its OAUTH token: its calls arrive unauthenticated and are refused",
    ]);
  });

  test("stays quiet when the token stays, is added, or only the endpoint path changes", () => {
    expect(pushAuthenticationRemoved.check(changed(SUBSCRIPTION, pushing(token), pushing(token)))).toEqual([]);
    expect(pushAuthenticationRemoved.check(changed(SUBSCRIPTION, pushing(undefined), pushing(token)))).toEqual([]);
    expect(pushAuthenticationRemoved.check(destroyed(SUBSCRIPTION, pushing(token)))).toEqual([]);
  });
});

describe("cloud-run-ingress-widened", () => {
  const service = (ingress?: string): Record<string, unknown> => ({ name: "raw-processors", ...(ingress ? { ingress } : {}) });

  test("catches internal to all, internal to load balancer, and internal to unset", () => {
    expect(reasons(cloudRunIngressWidened, changed("google_cloud_run_v2_service", service("INGRESS_TRAFFIC_INTERNAL_ONLY"), service("INGRESS_TRAFFIC_ALL")))).toEqual([
      "service raw-processors ingress widens from INGRESS_TRAFFIC_INTERNAL_ONLY to INGRESS_TRAFFIC_ALL",
    ]);
    expect(cloudRunIngressWidened.check(changed("google_cloud_run_v2_service", service("INGRESS_TRAFFIC_INTERNAL_ONLY"), service("INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER")))).toHaveLength(1);
    expect(reasons(cloudRunIngressWidened, changed("google_cloud_run_v2_service", service("INGRESS_TRAFFIC_INTERNAL_ONLY"), service()))).toEqual([
      "service raw-processors ingress widens from INGRESS_TRAFFIC_INTERNAL_ONLY to unset (all traffic)",
    ]);
  });

  test("stays quiet when ingress narrows or stays", () => {
    expect(cloudRunIngressWidened.check(changed("google_cloud_run_v2_service", service("INGRESS_TRAFFIC_ALL"), service("INGRESS_TRAFFIC_INTERNAL_ONLY")))).toEqual([]);
    expect(cloudRunIngressWidened.check(changed("google_cloud_run_v2_service", service("INGRESS_TRAFFIC_INTERNAL_ONLY"), { ...service("INGRESS_TRAFFIC_INTERNAL_ONLY"), description: "x" }))).toEqual([]);
  });
});

describe("builtin-metric-alert-removed", () => {
  const ALERT = "google_monitoring_alert_policy";
  const threshold = (filter: string): Record<string, unknown> => ({ display_name: "c", condition_threshold: { filter, comparison: "COMPARISON_GT" } });
  const JOB_FAILED = 'metric.type="run.googleapis.com/job/completed_execution_count" AND metric.label.result="failed"';
  const SCHEDULER = 'metric.type="logging.googleapis.com/user/nba_scheduler_failed_attempts"';
  const policy = (...filters: string[]): Record<string, unknown> => ({ display_name: "component-failing: scraper", conditions: filters.map(threshold) });

  test("catches a removed policy on a built-in metric, instead of the generic removed-alert rule", () => {
    const removed = destroyed(ALERT, policy(JOB_FAILED, SCHEDULER));
    expect(reasons(builtinMetricAlertRemoved, removed)).toEqual([
      'alert policy "component-failing: scraper" on run.googleapis.com/job/completed_execution_count is removed: failures only Google\'s metrics see go unnoticed',
    ]);
    expect(monitoringAlertRemovedOrDisabled.check(removed)).toEqual([]);
  });

  test("catches a policy that stops watching a built-in metric", () => {
    expect(reasons(builtinMetricAlertRemoved, changed(ALERT, policy(JOB_FAILED, SCHEDULER), policy(SCHEDULER)))).toEqual([
      'alert policy "component-failing: scraper" stops watching run.googleapis.com/job/completed_execution_count',
    ]);
  });

  test("stays quiet on policies over log-based metrics only (the generic rule's) and on unchanged metrics", () => {
    const logOnly = destroyed(ALERT, policy(SCHEDULER));
    expect(builtinMetricAlertRemoved.check(logOnly)).toEqual([]);
    expect(monitoringAlertRemovedOrDisabled.check(logOnly)).toHaveLength(1);
    expect(builtinMetricAlertRemoved.check(changed(ALERT, policy(JOB_FAILED), { ...policy(JOB_FAILED), documentation: { content: "x" } }))).toEqual([]);
  });
});

describe("a rule that throws", () => {
  test("is reported as a high finding, never skipped", () => {
    const broken: ReviewRule = {
      id: "broken",
      risk: "medium",
      label: "broken",
      description: "A rule that cannot run on this change.",
      check() {
        throw new Error("boom");
      },
    };
    const review = reviewChanges({ stacks: [{ name: "s", source: "synthesized", changes: [created("google_pubsub_topic", { name: "t" })] }], policyViolations: [], rules: [broken] });
    expect(review.findings).toEqual([{ risk: "high", address: "s/google_pubsub_topic.r", kind: "google_pubsub_topic", reason: "rule broken failed to run: boom", rule: "broken" }]);
    expect(review.verdict).toBe("high");
  });
});
