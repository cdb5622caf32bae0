import { ALERT_DEAD_LETTER_TOPIC, catalog, SCHEDULER_FAILED_ATTEMPTS_METRIC, tableId, TERMINAL_DEAD_LETTER_TOPIC, type Catalog } from "../../runtime/catalog";
import { resolveResource, stringAt, type SynthesizedStack } from "../../infra/policy";
import { rolePolicyName, runnerPolicyName, runners } from "../../infra/stacks/runners";
import { PUSH_INVOKER } from "../../infra/stacks/messaging";
import { SCHEDULER_INVOKER } from "../../infra/stacks/scheduling";
import { testEnvironment } from "./support/environments";
import { synthToTemp, type Synthesized } from "./support/synth";

/** Names (the `name` attribute, or dataset.table for tables) of every resource of a type. */
function declared(stack: SynthesizedStack, type: string): string[] {
  return stack.resources
    .filter((r) => r.type === type)
    .map((r) => {
      if (type !== "google_bigquery_table") return stringAt(r.body, "name") ?? stringAt(r.body, "secret_id") ?? stringAt(r.body, "account_id") ?? r.name;
      const dataset = resolveResource(stack, r.body.dataset_id, "google_bigquery_dataset");
      return `${dataset ? stringAt(dataset.body, "dataset_id") : String(r.body.dataset_id)}.${String(r.body.table_id)}`;
    })
    .sort();
}

/** What the catalog says each stack must declare, including the documented derived resources. */
function expectedFrom(c: Catalog): Record<string, string[]> {
  const deadLetterSubscriptions = c.topics.map((t) => `${t.name}-dlq--${t.deadLetterConsumer}`);
  return {
    google_bigquery_dataset: c.datasets.map((d) => d.name),
    google_bigquery_table: c.tables.map(tableId),
    // Derived: each topic's -dlq dead-letter topic and the terminal topic.
    google_pubsub_topic: [...c.topics.map((t) => t.name), ...c.topics.map((t) => `${t.name}-dlq`), TERMINAL_DEAD_LETTER_TOPIC, ALERT_DEAD_LETTER_TOPIC],
    // Derived: each -dlq topic's subscription to its dead-letter consumer, and the operators' terminal pull subscription.
    google_pubsub_subscription: [...c.topics.flatMap((t) => t.subscriptions.map((s) => s.name)), ...deadLetterSubscriptions, `${TERMINAL_DEAD_LETTER_TOPIC}--operators`, `${ALERT_DEAD_LETTER_TOPIC}--operators`],
    google_cloud_scheduler_job: c.schedules.map((s) => s.name),
    google_cloud_run_v2_service: c.roles.filter((r) => r.kind === "service").map((r) => r.name),
    google_cloud_run_v2_job: c.roles.filter((r) => r.kind === "job").map((r) => r.name),
    // Derived: the two invoker identities.
    google_service_account: [...c.roles.map((r) => r.name), PUSH_INVOKER, SCHEDULER_INVOKER],
    google_storage_bucket: c.buckets.map((b) => `nba-props-drift-${b.name}`),
    // Derived: the failed-attempt count of Cloud Scheduler's own log.
    google_logging_metric: [...c.logMetrics.map((m) => m.name), SCHEDULER_FAILED_ATTEMPTS_METRIC.name],
    google_secret_manager_secret: [...new Set(c.roles.flatMap((r) => r.secrets))],
    google_firestore_field: c.docCollections.filter((d) => d.ttlField).map((d) => `${d.name}/${d.ttlField}`),
    // Derived: absence policies per processor and scraper, failure policies per runtime role.
    google_monitoring_alert_policy: c.alertPolicies.flatMap((a) => {
      if (a.condition.kind === "log_metric_absent") return runners(c).map((r) => runnerPolicyName(a.name, r));
      if (a.condition.kind === "runtime_failure") return c.roles.map((r) => rolePolicyName(a.name, r.name));
      return [a.name];
    }),
  };
}

function names(stack: SynthesizedStack, type: string): string[] {
  if (type === "google_firestore_field") return stack.resources.filter((r) => r.type === type).map((r) => `${String(r.body.collection)}/${String(r.body.field)}`).sort();
  if (type === "google_monitoring_alert_policy") return stack.resources.filter((r) => r.type === type).map((r) => r.name).sort();
  return declared(stack, type);
}

const env = testEnvironment({ project: "nba-props-drift", stateBucket: "nba-props-drift-tfstate" });
let synth: Synthesized;
let stack: SynthesizedStack;

beforeAll(() => {
  synth = synthToTemp({ environments: [env] });
  const only = synth.stacks.get("nba-props-dev");
  if (!only) throw new Error("no dev stack");
  stack = only;
});
afterAll(() => synth.cleanup());

describe("drift: the stacks declare exactly what the catalog describes", () => {
  const expected = expectedFrom(catalog);

  test.each(Object.keys(expected).map((type) => [type]))("%s: every catalog entry is declared and nothing else is", (type) => {
    expect(names(stack, type)).toEqual([...(expected[type] ?? [])].sort());
  });

  test("every Pub/Sub subscription reads a topic the catalog knows (or a derived dead-letter topic)", () => {
    const topics = new Set(expected.google_pubsub_topic);
    for (const sub of stack.resources.filter((r) => r.type === "google_pubsub_subscription")) {
      const topic = resolveResource(stack, sub.body.topic, "google_pubsub_topic");
      expect(topics.has(topic ? (stringAt(topic.body, "name") ?? "") : "")).toBe(true);
    }
  });

  test("a table added to the catalog appears in the stack, and one removed disappears", () => {
    const [first, ...rest] = catalog.tables;
    if (!first) throw new Error("the catalog has no tables");
    const renamed = { ...first, name: `${first.name}_v2` };
    const usesFirst = (p: Catalog["processors"][number]): boolean => p.output === tableId(first) || p.inputs.includes(tableId(first));
    const processors = catalog.processors.filter((p) => !usesFirst(p));
    // Transitions stop waiting on processors the variant removed.
    const kept = (list: Catalog["transitions"][number]["expected"]["overnight"]) => list.filter((e) => e.processor !== first.name || processors.some((p) => p.name === e.processor));
    const transitions = catalog.transitions.map((t) => ({ ...t, expected: { overnight: kept(t.expected.overnight), same_day: kept(t.expected.same_day), backfill: kept(t.expected.backfill) } }));
    const changed: Catalog = { ...catalog, tables: [...rest, renamed], processors, transitions };
    const other = synthToTemp({ catalog: changed, environments: [env] });
    try {
      const changedStack = other.stacks.get("nba-props-dev");
      if (!changedStack) throw new Error("no dev stack");
      const tables = names(changedStack, "google_bigquery_table");
      expect(tables).toContain(tableId(renamed));
      expect(tables).not.toContain(tableId(first));
      expect(tables).toEqual(expectedFrom(changed).google_bigquery_table?.sort());
    } finally {
      other.cleanup();
    }
  });
});
