import { TerraformStack, Testing } from "cdktf";
import { Duration, MonitoredService, PartitionedTable, ReliableTopic, ScheduledJob, serviceAccountId, serviceAccountIdentity, TerminalDeadLetter, terraformName } from "../../infra/constructs";

type Json = { resource: Record<string, Record<string, Record<string, unknown>>> };
const labels = { app: "a", env: "dev", owner: "o", "cost-center": "c" };

function build(define: (stack: TerraformStack) => void): Json {
  const app = Testing.app();
  const stack = new TerraformStack(app, "test");
  define(stack);
  return JSON.parse(Testing.synth(stack)) as Json;
}

function service(stack: TerraformStack, name: string, kind: "service" | "job" = "service"): MonitoredService {
  return new MonitoredService(stack, name, { name, kind, description: "d", project: "p", region: "us-west2", image: "img", args: ["serve"], labels });
}

describe("Duration", () => {
  test("converts to Google durations and milliseconds", () => {
    expect(Duration.minutes(10).toGoogleDuration()).toBe("600s");
    expect(Duration.days(2).toMilliseconds()).toBe(172_800_000);
    expect(() => Duration.seconds(-1)).toThrow(/non-negative/);
  });
});

describe("naming", () => {
  test("service account ids fit 6-30 characters and stay stable", () => {
    expect(serviceAccountId("raw-processors")).toBe("raw-processors");
    const long = serviceAccountId("scraper-bettingpros-player-points-props");
    expect(long).toMatch(/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/);
    expect(serviceAccountId("scraper-bettingpros-player-points-props")).toBe(long);
    expect(serviceAccountId("scraper-bettingpros-player-points-propz")).not.toBe(long);
  });

  test("Terraform names are readable and reject nothing a catalog name can hold", () => {
    expect(terraformName("nba_raw", "nbac_schedule")).toBe("nba_raw--nbac_schedule");
    expect(terraformName("email", "a.b@example.com")).toBe("email--a_b_example_com");
  });
});

describe("MonitoredService", () => {
  test("defaults: own service account, internal ingress, deletion protection, bounded scale", () => {
    const tf = build((stack) => service(stack, "svc"));
    expect(tf.resource.google_cloud_run_v2_service?.svc).toMatchObject({
      ingress: "INGRESS_TRAFFIC_INTERNAL_ONLY",
      deletion_protection: true,
      template: { service_account: "${google_service_account.svc.email}", timeout: "300s", max_instance_request_concurrency: 1, scaling: { max_instance_count: 5 } },
    });
  });

  test("a job has no URL and a service is not started through the Admin API", () => {
    build((stack) => {
      const job = service(stack, "job-a", "job");
      const svc = service(stack, "svc-a");
      expect(() => job.uri).toThrow(/job/);
      expect(() => svc.runUrl).toThrow(/service/);
    });
  });

  test("allowInvoke grants once, on the one resource", () => {
    const tf = build((stack) => {
      const svc = service(stack, "svc");
      const invoker = serviceAccountIdentity(stack, "invoker", "d");
      svc.allowInvoke(invoker);
      svc.allowInvoke(invoker);
    });
    expect(Object.values(tf.resource.google_cloud_run_v2_service_iam_member ?? {})).toEqual([
      expect.objectContaining({ name: "${google_cloud_run_v2_service.svc.name}", role: "roles/run.invoker", member: "${google_service_account.invoker.member}" }),
    ]);
  });
});

describe("ReliableTopic", () => {
  test("defaults: 5 attempts, 10 s-600 s backoff, never-expiring subscriptions, service-agent grants", () => {
    const tf = build((stack) => {
      const agent = "serviceAccount:service-1@gcp-sa-pubsub.iam.gserviceaccount.com";
      const pushInvoker = serviceAccountIdentity(stack, "pusher", "d");
      const consumer = service(stack, "consumer");
      const terminal = new TerminalDeadLetter(stack, "terminal", { name: "terminal", labels, pubsubServiceAgent: agent });
      const topic = new ReliableTopic(stack, "topic", { name: "t", labels, pubsubServiceAgent: agent, pushInvoker, deadLetterConsumer: consumer, deadLetterPushPath: "/dl", terminal });
      topic.addPushSubscription("t--consumer", { consumer, path: "/push" });
    });
    expect(tf.resource.google_pubsub_subscription?.["t--consumer"]).toMatchObject({
      dead_letter_policy: { dead_letter_topic: "${google_pubsub_topic.t-dlq.id}", max_delivery_attempts: 5 },
      retry_policy: { minimum_backoff: "10s", maximum_backoff: "600s" },
      expiration_policy: { ttl: "" },
      ack_deadline_seconds: 600,
    });
    expect(Object.keys(tf.resource.google_pubsub_subscription ?? {}).sort()).toEqual(["t--consumer", "t-dlq--consumer", "terminal--operators"]);
    expect(Object.keys(tf.resource.google_pubsub_topic_iam_member ?? {}).sort()).toEqual(["pubsub-service-agent--t-dlq", "pubsub-service-agent--terminal"]);
    expect(Object.keys(tf.resource.google_pubsub_subscription_iam_member ?? {}).sort()).toEqual(["pubsub-service-agent--t--consumer", "pubsub-service-agent--t-dlq--consumer"]);
  });
});

describe("PartitionedTable", () => {
  const columns = [{ name: "d", type: "DATE", mode: "REQUIRED", description: "day" }];

  test("defaults: required partition filter and deletion protection", () => {
    const tf = build((stack) => new PartitionedTable(stack, "t", { datasetId: "ds", catalogId: "ds.t", tableId: "t", description: "x", columns, partitioning: { kind: "day", field: "d" }, labels }));
    expect(tf.resource.google_bigquery_table?.["ds--t"]).toMatchObject({ time_partitioning: { type: "DAY", field: "d" }, require_partition_filter: true, deletion_protection: true });
  });

  test("not requiring a partition filter without a reason is refused", () => {
    expect(() =>
      build((stack) => new PartitionedTable(stack, "t", { datasetId: "ds", catalogId: "ds.t", tableId: "t", description: "x", columns, partitioning: { kind: "day", field: "d", requireFilter: false }, labels })),
    ).toThrow(/no reason/);
  });
});

describe("ScheduledJob", () => {
  test("defaults: Eastern time, 3 retries, 3 min attempt deadline", () => {
    const tf = build((stack) => {
      const invoker = serviceAccountIdentity(stack, "scheduler", "d");
      new ScheduledJob(stack, "s", { name: "s", description: "d", schedule: "0 1 * * *", target: { kind: "service", service: service(stack, "svc"), path: "/x", body: {} }, invoker, region: "us-west2" });
    });
    expect(tf.resource.google_cloud_scheduler_job?.s).toMatchObject({ time_zone: "America/New_York", attempt_deadline: "180s", retry_config: { retry_count: 3 } });
  });
});
