import { readFileSync } from "node:fs";
import { join } from "node:path";
import { BACKFILL_SEASON_DATES, catalog, catalogProblems, type Catalog } from "../../runtime/catalog";
import { FIRST_APPLY_RESOURCE_TYPES } from "../../infra/stacks/project";
import { testEnvironment, testProdEnvironment } from "./support/environments";
import { bodiesOf, mustGet, ref, resourceOf, resourcesOf, synthToTemp, type Block, type Synthesized, type TerraformJson } from "./support/synth";

let synth: Synthesized;
let dev: TerraformJson;
let prod: TerraformJson;
const prodEnv = testProdEnvironment({ budget: { billingAccount: "012345-6789AB-CDEF01", amount: 750 } });

beforeAll(() => {
  synth = synthToTemp({ environments: [testEnvironment(), prodEnv] });
  dev = mustGet(synth.json, "nba-props-dev");
  prod = mustGet(synth.json, "nba-props-prod");
});
afterAll(() => synth.cleanup());

const seconds = (value: unknown): number => Number(/^(\d+)s$/.exec(String(value))?.[1]);
const first = (value: unknown): Block => (Array.isArray(value) ? (value[0] as Block) : (value as Block));

describe("push delivery under a season's backfill burst (docs/deploy.md, read off the synthesized stack)", () => {
  interface Push {
    name: string;
    consumer: string;
    attempts: number;
    min: number;
    max: number;
    burst: number;
  }
  const pushes = (): Push[] =>
    catalog.topics.flatMap((topic) => {
      const burst = topic.messagesPerDate * BACKFILL_SEASON_DATES;
      return [...topic.subscriptions.map((s) => s.name), `${topic.name}-dlq--${topic.deadLetterConsumer}`].map((name) => {
        const sub = resourceOf(dev, "google_pubsub_subscription", name);
        const consumer = /google_cloud_run_v2_service\.([^.]+)\.uri/.exec(String(first(sub.push_config).push_endpoint))?.[1] ?? "";
        const retry = first(sub.retry_policy);
        return { name, consumer, attempts: Number(first(sub.dead_letter_policy).max_delivery_attempts), min: seconds(retry.minimum_backoff), max: seconds(retry.maximum_backoff), burst };
      });
    });

  /** Waits before attempts 2..n: doubling from the minimum backoff, capped at the maximum. */
  function retryWindow(p: Push): number {
    let total = 0;
    let wait = p.min;
    for (let attempt = 2; attempt <= p.attempts; attempt++) {
      total += Math.min(wait, p.max);
      wait *= 2;
    }
    return total;
  }

  test("every subscription keeps retrying twice as long as its consumer needs to drain the burst", () => {
    const all = pushes();
    expect(all.length).toBe(catalog.topics.length * 2);
    for (const p of all) {
      const service = resourceOf(dev, "google_cloud_run_v2_service", p.consumer);
      const template = first(service.template);
      const slots = Number(template.max_instance_request_concurrency) * Number(first(template.scaling).max_instance_count);
      const perMessage = catalog.roles.find((r) => r.name === p.consumer)?.capacity?.secondsPerMessage ?? Infinity;
      const burst = all.filter((o) => o.consumer === p.consumer).reduce((n, o) => n + o.burst, 0);
      const drain = Math.ceil(burst / slots) * perMessage;
      expect({ subscription: p.name, enough: retryWindow(p) >= 2 * drain, attemptsAllowed: p.attempts <= 100 }).toEqual({ subscription: p.name, enough: true, attemptsAllowed: true });
    }
  });

  test("services that write BigQuery take at most 20 requests at once (the per-table DML queue)", () => {
    for (const role of catalog.roles.filter((r) => r.kind === "service" && r.datasetsWritten.length > 0)) {
      const template = first(resourceOf(dev, "google_cloud_run_v2_service", role.name).template);
      expect({ role: role.name, slots: Number(template.max_instance_request_concurrency) * Number(first(template.scaling).max_instance_count) <= 20 }).toEqual({ role: role.name, slots: true });
    }
  });

  test("the old sizing (1 request x 5 instances, 5 attempts) is refused by the catalog check", () => {
    const old: Catalog = {
      ...catalog,
      roles: catalog.roles.map((r) => (r.name === "raw-processors" && r.capacity ? { ...r, capacity: { ...r.capacity, concurrency: 1, maxInstances: 5 } } : r)),
      topics: catalog.topics.map((t) => ({ ...t, subscriptions: t.subscriptions.map((s) => (s.consumer === "raw-processors" ? { ...s, maxDeliveryAttempts: 5 } : s)) })),
    };
    expect(catalogProblems(old)).toContainEqual(expect.stringMatching(/^subscription nba-phase1-scrapers-complete--raw-processors dead-letters after 150 s of retries/));
  });
});

describe("grants survive replacement", () => {
  test("every Pub/Sub service agent subscriber grant is replaced with its subscription", () => {
    const grants = Object.entries(resourcesOf(dev, "google_pubsub_subscription_iam_member"));
    expect(grants.length).toBeGreaterThan(0);
    for (const [, grant] of grants) {
      const subscription = /^\$\{google_pubsub_subscription\.([^.]+)\.name\}$/.exec(String(grant.subscription))?.[1];
      expect(grant.lifecycle).toEqual({ replace_triggered_by: [`\${google_pubsub_subscription.${subscription}}`] });
    }
  });
});

describe("a first apply that succeeds", () => {
  test("every API the stack uses is a google_project_service kept on destroy, and every resource depends on its API", () => {
    const services = resourcesOf(dev, "google_project_service");
    for (const service of Object.values(services)) expect(service).toMatchObject({ disable_on_destroy: false, project: "nba-props-test-dev" });
    const apis = new Set(Object.values(services).map((s) => String(s.service)));
    for (const api of ["run.googleapis.com", "pubsub.googleapis.com", "bigquery.googleapis.com", "monitoring.googleapis.com", "logging.googleapis.com", "billingbudgets.googleapis.com"]) expect(apis).toContain(api);
    for (const [type, byName] of Object.entries(dev.resource)) {
      if (type === "google_project_service") continue;
      for (const [name, body] of Object.entries(byName)) {
        const dependsOn = (body.depends_on ?? []) as string[];
        expect({ resource: `${type}.${name}`, onApi: dependsOn.some((d) => d.startsWith("google_project_service.")) }).toEqual({ resource: `${type}.${name}`, onApi: true });
      }
    }
  });

  test("every threshold policy on a log-based metric depends on that metric", () => {
    for (const [name, policy] of Object.entries(resourcesOf(dev, "google_monitoring_alert_policy"))) {
      const watched = [...JSON.stringify(policy.conditions).matchAll(/logging\.googleapis\.com\/user\/([a-z0-9_]+)/g)].map((m) => `google_logging_metric.${m[1]}`);
      for (const metric of watched) expect({ policy: name, dependsOn: policy.depends_on }).toEqual({ policy: name, dependsOn: expect.arrayContaining([metric]) });
    }
  });

  test("docs/deploy.md applies the first-apply resource types first, then deploys", () => {
    const doc = readFileSync(join(__dirname, "..", "..", "docs", "deploy.md"), "utf8");
    for (const type of FIRST_APPLY_RESOURCE_TYPES) expect(doc).toContain(type);
    for (const type of FIRST_APPLY_RESOURCE_TYPES) expect(Object.keys(resourcesOf(dev, type)).length).toBeGreaterThan(0);
    expect(doc.indexOf("terraform apply $(")).toBeLessThan(doc.indexOf("npx cdktf deploy nba-props-dev"));
  });
});

describe("retention and recovery", () => {
  test.each(catalog.topics.map((t) => [t.name, t.messageRetentionSeconds]))("phase topic %s keeps %i s of messages for replay", (name, retention) => {
    expect(resourceOf(dev, "google_pubsub_topic", name).message_retention_duration).toBe(`${retention}s`);
  });

  test.each(catalog.datasets.map((d) => [d.name, d.timeTravelHours]))("dataset %s states its time travel (%i h)", (name, hours) => {
    expect(resourceOf(dev, "google_bigquery_dataset", name).max_time_travel_hours).toBe(String(hours));
  });

  test("Firestore point-in-time recovery is on in prod, off in dev", () => {
    expect(resourceOf(prod, "google_firestore_database", "default").point_in_time_recovery_enablement).toBe("POINT_IN_TIME_RECOVERY_ENABLED");
    expect(resourceOf(dev, "google_firestore_database", "default").point_in_time_recovery_enablement).toBe("POINT_IN_TIME_RECOVERY_DISABLED");
  });

  test("the project budget takes its amount from the environment file and notifies the alert channels", () => {
    const [budget] = bodiesOf(prod, "google_billing_budget");
    expect(budget).toMatchObject({
      billing_account: "012345-6789AB-CDEF01",
      amount: { specified_amount: { currency_code: "USD", units: "750" } },
      budget_filter: { projects: ["projects/${data.google_project.project.number}"] },
    });
    const channels = Object.keys(resourcesOf(prod, "google_monitoring_notification_channel")).map((n) => ref("google_monitoring_notification_channel", n, "id"));
    expect(first(budget?.all_updates_rule).monitoring_notification_channels).toEqual(channels);
    expect((budget?.threshold_rules as Block[]).map((r) => r.threshold_percent)).toEqual([0.5, 0.9, 1]);
  });
});
