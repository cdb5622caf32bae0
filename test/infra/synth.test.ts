import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { bigQuerySchema, catalog, DEAD_LETTER_PUSH_PATH, tableId, TERMINAL_DEAD_LETTER_TOPIC, type AlertPolicySpec } from "../../runtime/catalog";
import { rolePolicyName, runnerPolicyName, runners } from "../../infra/stacks/runners";
import { PUSH_INVOKER } from "../../infra/stacks/messaging";
import { SCHEDULER_INVOKER } from "../../infra/stacks/scheduling";
import { bodiesOf, mustGet, ref, resourceOf, resourcesOf, synthToTemp, type Synthesized, type TerraformJson } from "./support/synth";

const SERVICE_AGENT = expect.stringMatching(/^serviceAccount:service-\$\{data\.google_project\.project\.number\}@gcp-sa-pubsub\.iam\.gserviceaccount\.com$/);
const subscriptions = catalog.topics.flatMap((topic) => topic.subscriptions.map((sub) => ({ topic: topic.name, ...sub })));
const decode = (body: unknown): unknown => JSON.parse(Buffer.from(String(body), "base64").toString("utf8"));

let synth: Synthesized;
let dev: TerraformJson;
let prod: TerraformJson;

beforeAll(() => {
  synth = synthToTemp();
  dev = mustGet(synth.json, "nba-props-dev");
  prod = mustGet(synth.json, "nba-props-prod");
});
afterAll(() => synth.cleanup());

describe("synthesized layout", () => {
  test("one stack per environment in the standard cdktf.out layout", () => {
    expect(synth.stackNames).toEqual(["nba-props-dev", "nba-props-prod"]);
    const manifest = JSON.parse(readFileSync(join(synth.dir, "manifest.json"), "utf8")) as { stacks: Record<string, unknown> };
    expect(Object.keys(manifest.stacks).sort()).toEqual(["nba-props-dev", "nba-props-prod"]);
    for (const name of synth.stackNames) expect(existsSync(join(synth.dir, "stacks", name, "cdk.tf.json"))).toBe(true);
  });

  test("each stack has its own GCS state prefix and project", () => {
    expect(dev.terraform).toMatchObject({ backend: { gcs: { bucket: "nba-props-dev-tfstate", prefix: "nba-props/dev" } } });
    expect(prod.terraform).toMatchObject({ backend: { gcs: { bucket: "nba-props-prod-tfstate", prefix: "nba-props/prod" } } });
    expect(dev.provider).toMatchObject({ google: [{ project: "nba-props-dev", region: "us-west2" }] });
    expect(prod.provider).toMatchObject({ google: [{ project: "nba-props-prod", region: "us-west2" }] });
  });
});

describe("messaging: the phase chain through ReliableTopic", () => {
  test.each(catalog.topics.map((t) => [t.name]))("%s has a topic and a -dlq dead-letter topic", (name) => {
    expect(resourceOf(dev, "google_pubsub_topic", name)).toMatchObject({ name });
    expect(resourceOf(dev, "google_pubsub_topic", `${name}-dlq`)).toMatchObject({ name: `${name}-dlq` });
  });

  test.each(subscriptions.map((s) => [s.name, s]))("%s pushes with OIDC, dead-letters after its sized attempts and backs off 10-600 s", (_name, sub) => {
    expect(resourceOf(dev, "google_pubsub_subscription", sub.name)).toMatchObject({
      topic: ref("google_pubsub_topic", sub.topic, "id"),
      ack_deadline_seconds: sub.ackDeadlineSeconds,
      expiration_policy: { ttl: "" },
      push_config: {
        push_endpoint: `${ref("google_cloud_run_v2_service", sub.consumer, "uri")}${sub.pushPath}`,
        oidc_token: { service_account_email: ref("google_service_account", PUSH_INVOKER, "email"), audience: ref("google_cloud_run_v2_service", sub.consumer, "uri") },
      },
      dead_letter_policy: { dead_letter_topic: ref("google_pubsub_topic", `${sub.topic}-dlq`, "id"), max_delivery_attempts: sub.maxDeliveryAttempts },
      retry_policy: { minimum_backoff: "10s", maximum_backoff: "600s" },
    });
  });

  test.each(subscriptions.map((s) => [s.name, s]))("the push identity may invoke the consumer of %s, on that service only", (_name, sub) => {
    expect(bodiesOf(dev, "google_cloud_run_v2_service_iam_member")).toContainEqual(
      expect.objectContaining({ name: ref("google_cloud_run_v2_service", sub.consumer, "name"), role: "roles/run.invoker", member: ref("google_service_account", PUSH_INVOKER, "member") }),
    );
  });

  test.each(catalog.topics.map((t) => [t.name, t]))("%s's dead letters are pushed to the dead-letter consumer and end in the terminal topic", (name, topic) => {
    expect(resourceOf(dev, "google_pubsub_subscription", `${name}-dlq--${topic.deadLetterConsumer}`)).toMatchObject({
      topic: ref("google_pubsub_topic", `${name}-dlq`, "id"),
      push_config: { push_endpoint: `${ref("google_cloud_run_v2_service", topic.deadLetterConsumer, "uri")}${DEAD_LETTER_PUSH_PATH}` },
      dead_letter_policy: { dead_letter_topic: ref("google_pubsub_topic", TERMINAL_DEAD_LETTER_TOPIC, "id"), max_delivery_attempts: topic.deadLetterMaxDeliveryAttempts },
      retry_policy: { minimum_backoff: "10s", maximum_backoff: "600s" },
    });
  });

  test.each(catalog.topics.map((t) => [t.name]))("the Pub/Sub service agent may publish to %s-dlq", (name) => {
    expect(bodiesOf(dev, "google_pubsub_topic_iam_member")).toContainEqual(
      expect.objectContaining({ topic: ref("google_pubsub_topic", `${name}-dlq`, "name"), role: "roles/pubsub.publisher", member: SERVICE_AGENT }),
    );
  });

  test.each([...subscriptions.map((s) => s.name), ...catalog.topics.map((t) => `${t.name}-dlq--${t.deadLetterConsumer}`)].map((n) => [n]))(
    "the Pub/Sub service agent may subscribe to %s",
    (name) => {
      expect(bodiesOf(dev, "google_pubsub_subscription_iam_member")).toContainEqual(
        expect.objectContaining({ subscription: ref("google_pubsub_subscription", name, "name"), role: "roles/pubsub.subscriber", member: SERVICE_AGENT }),
      );
    },
  );

  test("the terminal topic has one pull subscription for operators, its missing dead-letter policy suppressed with a reason", () => {
    const terminal = resourceOf(dev, "google_pubsub_subscription", `${TERMINAL_DEAD_LETTER_TOPIC}--operators`);
    expect(terminal).toMatchObject({ topic: ref("google_pubsub_topic", TERMINAL_DEAD_LETTER_TOPIC, "id"), retry_policy: { minimum_backoff: "10s" } });
    expect(terminal.push_config).toBeUndefined();
    expect(terminal.dead_letter_policy).toBeUndefined();
    expect(terminal["//"]).toMatchObject({ nba_policy: { suppressions: [{ rule: "pubsub-subscription-dead-letter-policy", reason: expect.stringMatching(/.{40,}/) }] } });
    expect(bodiesOf(dev, "google_pubsub_topic_iam_member")).toContainEqual(
      expect.objectContaining({ topic: ref("google_pubsub_topic", TERMINAL_DEAD_LETTER_TOPIC, "name"), role: "roles/pubsub.publisher", member: SERVICE_AGENT }),
    );
  });

  test.each(catalog.roles.flatMap((r) => r.publishesTo.map((t) => [r.name, t])))("%s may publish to %s (topic-level grant)", (role, topic) => {
    expect(bodiesOf(dev, "google_pubsub_topic_iam_member")).toContainEqual(
      expect.objectContaining({ topic: ref("google_pubsub_topic", topic, "name"), role: "roles/pubsub.publisher", member: ref("google_service_account", role, "member") }),
    );
  });
});

describe("compute", () => {
  test.each(catalog.roles.map((r) => [r.name, r]))("%s runs the one image as its own service account", (name, role) => {
    const image = "us-west2-docker.pkg.dev/nba-props-dev/nba-props/nba-props:dev";
    const container = { image, args: [...role.args] };
    if (role.kind === "service") {
      expect(resourceOf(dev, "google_cloud_run_v2_service", name)).toMatchObject({
        ingress: "INGRESS_TRAFFIC_INTERNAL_ONLY",
        template: { service_account: ref("google_service_account", name, "email"), timeout: `${role.timeoutSeconds}s`, containers: [container] },
      });
    } else {
      expect(resourceOf(dev, "google_cloud_run_v2_job", name)).toMatchObject({
        template: { template: { service_account: ref("google_service_account", name, "email"), timeout: `${role.timeoutSeconds}s`, containers: [container] } },
      });
    }
    expect(resourceOf(dev, "google_service_account", name)).toMatchObject({ account_id: expect.stringMatching(/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/) });
  });

  test.each(catalog.roles.map((r) => [r.name, r]))("%s gets dataset-level BigQuery grants for exactly what it reads and writes", (name, role) => {
    const member = ref("google_service_account", name, "member");
    const grants = bodiesOf(dev, "google_bigquery_dataset_iam_member")
      .filter((g) => g.member === member)
      .map((g) => `${String(g.dataset_id)} ${String(g.role)}`)
      .sort();
    const expected = [...new Set([...role.datasetsRead, ...role.datasetsWritten])]
      .map((d) => `${ref("google_bigquery_dataset", d, "dataset_id")} roles/bigquery.${role.datasetsWritten.includes(d) ? "dataEditor" : "dataViewer"}`)
      .sort();
    expect(grants).toEqual(expected);
    const projectRoles = bodiesOf(dev, "google_project_iam_member")
      .filter((g) => g.member === member)
      .map((g) => g.role)
      .sort();
    const expectedProjectRoles = [...(expected.length > 0 ? ["roles/bigquery.jobUser"] : []), ...(role.usesDocStore ? ["roles/datastore.user"] : [])].sort();
    expect(projectRoles).toEqual(expectedProjectRoles);
  });

  test.each(catalog.roles.map((r) => [r.name, r]))("%s gets bucket and secret grants on those resources only", (name, role) => {
    const member = ref("google_service_account", name, "member");
    const buckets = bodiesOf(dev, "google_storage_bucket_iam_member")
      .filter((g) => g.member === member)
      .map((g) => `${String(g.bucket)} ${String(g.role)}`)
      .sort();
    const expectedBuckets = [
      ...role.bucketsRead.map((b) => `${ref("google_storage_bucket", b, "name")} roles/storage.objectViewer`),
      ...role.bucketsWritten.map((b) => `${ref("google_storage_bucket", b, "name")} roles/storage.objectCreator`),
    ].sort();
    expect(buckets).toEqual(expectedBuckets);
    const secrets = bodiesOf(dev, "google_secret_manager_secret_iam_member")
      .filter((g) => g.member === member)
      .map((g) => g.secret_id)
      .sort();
    expect(secrets).toEqual(role.secrets.map((s) => ref("google_secret_manager_secret", s, "secret_id")).sort());
  });

  test("secrets are declared without any version or value", () => {
    expect(Object.keys(resourcesOf(dev, "google_secret_manager_secret")).sort()).toEqual([...new Set(catalog.roles.flatMap((r) => r.secrets))].sort());
    expect(resourcesOf(dev, "google_secret_manager_secret_version")).toEqual({});
  });

  test("no grant anywhere uses a primitive role or a public member", () => {
    const text = JSON.stringify([dev.resource, prod.resource]);
    expect(text).not.toMatch(/"roles\/(owner|editor)"/);
    expect(text).not.toMatch(/allUsers|allAuthenticatedUsers/);
  });
});

describe("scheduling", () => {
  test.each(catalog.schedules.map((s) => [s.name, s]))("%s runs in America/New_York with bounded retries and an authenticated target", (name, schedule) => {
    const job = resourceOf(dev, "google_cloud_scheduler_job", name);
    expect(job).toMatchObject({
      schedule: schedule.cron,
      time_zone: "America/New_York",
      attempt_deadline: `${schedule.attemptDeadlineSeconds}s`,
      retry_config: { retry_count: schedule.retryCount },
    });
    const invoker = ref("google_service_account", SCHEDULER_INVOKER, "email");
    const target = schedule.target;
    if (target.kind === "service") {
      expect(job.http_target).toMatchObject({
        http_method: "POST",
        uri: `${ref("google_cloud_run_v2_service", target.role, "uri")}${target.path}`,
        oidc_token: { service_account_email: invoker, audience: ref("google_cloud_run_v2_service", target.role, "uri") },
      });
      expect(decode((job.http_target as Record<string, unknown>).body)).toEqual(target.body);
    } else {
      expect(job.http_target).toMatchObject({
        http_method: "POST",
        uri: `https://run.googleapis.com/v2/projects/nba-props-dev/locations/us-west2/jobs/${ref("google_cloud_run_v2_job", target.role, "name")}:run`,
        oauth_token: { service_account_email: invoker, scope: "https://www.googleapis.com/auth/cloud-platform" },
      });
      expect(decode((job.http_target as Record<string, unknown>).body)).toEqual({ overrides: { containerOverrides: [{ args: [...target.args] }] } });
    }
  });

  test.each([...new Set(catalog.schedules.map((s) => s.target.role))].map((r) => [r]))("the scheduler identity may invoke %s, on that resource only", (role) => {
    const isJob = catalog.roles.find((r) => r.name === role)?.kind === "job";
    const type = isJob ? "google_cloud_run_v2_job" : "google_cloud_run_v2_service";
    expect(bodiesOf(dev, `${type}_iam_member`)).toContainEqual(
      expect.objectContaining({
        name: ref(type, role, "name"),
        role: isJob ? "roles/run.jobsExecutorWithOverrides" : "roles/run.invoker",
        member: ref("google_service_account", SCHEDULER_INVOKER, "member"),
      }),
    );
  });
});

describe("monitoring", () => {
  test.each(catalog.logMetrics.map((m) => [m.name, m.event, m] as const))("log-based metric %s counts the runtime's %s events", (name, _event, metric) => {
    const declared = resourceOf(dev, "google_logging_metric", name);
    expect(declared).toMatchObject({ name, metric_descriptor: { metric_kind: "DELTA", value_type: "INT64" } });
    expect(declared.filter).toContain(`jsonPayload.event="${metric.event}"`);
    for (const [field, value] of Object.entries(metric.where)) {
      expect(declared.filter).toContain(typeof value === "string" ? `jsonPayload.${field}="${value}"` : `jsonPayload.${field}=(${value.map((v) => `"${v}"`).join(" OR ")})`);
    }
    expect(Object.keys(declared.label_extractors as object).sort()).toEqual([...metric.labels].sort());
  });

  test("every e-mail recipient is a notification channel", () => {
    expect(bodiesOf(prod, "google_monitoring_notification_channel").map((c) => (c.labels as Record<string, string>).email_address).sort()).toEqual([
      "nba-props-data-platform@example.com",
      "nba-props-oncall@example.com",
    ]);
  });

  const policies: (readonly [string, AlertPolicySpec, string, string])[] = catalog.alertPolicies.flatMap((spec): (readonly [string, AlertPolicySpec, string, string])[] => {
    if (spec.condition.kind === "log_metric_absent") return runners(catalog).map((r) => [runnerPolicyName(spec.name, r), spec, r.name, r.phase] as const);
    if (spec.condition.kind === "runtime_failure") return catalog.roles.map((r) => [rolePolicyName(spec.name, r.name), spec, r.name, ""] as const);
    return [[spec.name, spec, "", ""] as const];
  });

  test.each(policies)("alert policy %s has channels, the runbook, a diagnosing command and the catalog's condition", (name, spec, subject, phase) => {
    const policy = resourceOf(dev, "google_monitoring_alert_policy", name);
    expect(policy).toMatchObject({ notification_channels: [expect.stringContaining("google_monitoring_notification_channel.")] });
    const content = (policy.documentation as Record<string, string>).content;
    expect(content).toContain(`Runbook: ${spec.runbook}`);
    expect(content).toMatch(/Diagnose: `nba-props [^`<>]+`/);
    const conditions = policy.conditions as Record<string, Record<string, unknown>>[];
    const condition = conditions[0] ?? {};
    const c = spec.condition;
    if (c.kind === "log_metric_above") {
      expect(policy.severity).toBe(spec.severity.toUpperCase());
      expect(condition.condition_threshold).toMatchObject({ filter: expect.stringContaining(`logging.googleapis.com/user/${c.metric}`), threshold_value: c.threshold });
    } else if (c.kind === "log_metric_absent") {
      const query = String(condition.condition_prometheus_query_language?.query);
      expect(query).toMatch(new RegExp(`^absent_over_time\\(logging_googleapis_com:user_${c.metric}\\{.*\\}\\[${c.windowSeconds}s\\]\\)$`));
      expect(query).toContain(`processor_name="${subject}"`);
      expect(query).toContain(`phase="${phase}"`);
      expect(content).toContain(`nba-props runs --processor ${subject}`);
    } else if (c.kind === "runtime_failure") {
      expect(policy.severity).toBe(spec.severity.toUpperCase());
      expect(conditions.length).toBeGreaterThanOrEqual(1);
    } else if (c.kind === "pubsub_backlog") {
      const filter = String(condition.condition_threshold?.filter);
      expect(filter).toContain("pubsub.googleapis.com/subscription/num_undelivered_messages");
      for (const t of catalog.topics) expect(filter).toContain(`"${t.name}-dlq--${t.deadLetterConsumer}"`);
      expect(filter).toContain(`"${TERMINAL_DEAD_LETTER_TOPIC}--operators"`);
    } else {
      const filter = String(condition.condition_threshold?.filter);
      expect(filter).toContain("pubsub.googleapis.com/subscription/oldest_unacked_message_age");
      for (const s of subscriptions) expect(filter).toContain(`"${s.name}"`);
    }
  });
});

describe("data", () => {
  test.each(catalog.tables.map((t) => [tableId(t), t]))("%s has the catalog's schema, partitioning and clustering", (id, table) => {
    const declared = resourceOf(dev, "google_bigquery_table", id.replace(".", "--"));
    expect(declared).toMatchObject({ dataset_id: ref("google_bigquery_dataset", table.dataset, "dataset_id"), table_id: table.name });
    expect(JSON.parse(String(declared.schema))).toEqual(bigQuerySchema(table));
    const p = table.partitioning;
    if (p.kind === "time") {
      expect(declared).toMatchObject({ time_partitioning: { type: "DAY", field: p.field }, require_partition_filter: p.requirePartitionFilter });
      if (p.expirationDays !== undefined) expect(declared.time_partitioning).toMatchObject({ expiration_ms: p.expirationDays * 86_400_000 });
    } else {
      expect(declared.time_partitioning).toBeUndefined();
      expect(declared["//"]).toMatchObject({ nba_policy: { suppressions: [{ rule: "bigquery-table-partitioned", reason: p.reason }] } });
    }
    if (table.clustering.length > 0) expect(declared.clustering).toEqual([...table.clustering]);
  });

  test("deletion protection is on in prod and off in dev", () => {
    for (const [tf, protectedEnv] of [
      [prod, true],
      [dev, false],
    ] as const) {
      for (const type of ["google_bigquery_table", "google_cloud_run_v2_service", "google_cloud_run_v2_job"]) {
        for (const body of bodiesOf(tf, type)) expect(body.deletion_protection).toBe(protectedEnv);
      }
      expect(resourceOf(tf, "google_firestore_database", "default")).toMatchObject({
        type: "FIRESTORE_NATIVE",
        delete_protection_state: protectedEnv ? "DELETE_PROTECTION_ENABLED" : "DELETE_PROTECTION_DISABLED",
      });
    }
  });

  test.each(catalog.docCollections.filter((c) => c.ttlField).map((c) => [c.name, c.ttlField]))("Firestore deletes %s documents once %s passes", (collection, field) => {
    expect(bodiesOf(dev, "google_firestore_field")).toContainEqual(expect.objectContaining({ collection, field, ttl_config: {} }));
  });

  test.each(catalog.buckets.map((b) => [b.name, b]))("bucket %s is private, uniformly accessed and expires objects", (name, bucket) => {
    const declared = resourceOf(dev, "google_storage_bucket", name);
    expect(declared).toMatchObject({ name: `nba-props-dev-${name}`, public_access_prevention: "enforced", uniform_bucket_level_access: true });
    expect(declared.lifecycle_rule).toContainEqual({ action: { type: "Delete" }, condition: { age: bucket.deleteAfterDays } });
    if (bucket.coldlineAfterDays !== undefined) {
      expect(declared.lifecycle_rule).toContainEqual({ action: { type: "SetStorageClass", storage_class: "COLDLINE" }, condition: { age: bucket.coldlineAfterDays } });
    }
  });
});
