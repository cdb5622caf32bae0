import { buildApp } from "../../infra/app";
import { runPolicyChecks } from "../../infra/policy";
import { catalog, type Catalog, type TableSpec } from "../../runtime/catalog";
import { testEnvironment, testProdEnvironment } from "./support/environments";
import { mustGet, resourceOf, synthToTemp, type Synthesized, type TerraformJson } from "./support/synth";

// A catalog with one extra, deliberately unpartitioned table and one extra phase topic, and an
// environment with a Slack channel: what a later change might add, synthesized in one go.
const firstTable = catalog.tables[0];
if (!firstTable) throw new Error("the catalog has no tables");
const unpartitioned: TableSpec = {
  ...firstTable,
  name: "tiny_reference_list",
  partitioning: { kind: "none", reason: "A few hundred rows rewritten whole each season; partitions would be empty." },
  clustering: [],
};
const extraTopic = { ...catalog.topics[0]!, name: "nba-phase7-extra", subscriptions: catalog.topics[0]!.subscriptions.map((s) => ({ ...s, name: "nba-phase7-extra--phase-orchestrator", consumer: "phase-orchestrator" })) };
const changed: Catalog = {
  ...catalog,
  tables: [...catalog.tables, unpartitioned],
  topics: [...catalog.topics, extraTopic],
  roles: catalog.roles.map((r) => (r.name === "phase-orchestrator" ? { ...r, publishesTo: [...r.publishesTo, extraTopic.name] } : r)),
};
const slackEnv = testEnvironment({ alertRecipients: { emails: ["a@example.com"], slack: { channelName: "#nba-alerts", authTokenSecret: "monitoring-slack-token" } } });

let synth: Synthesized;
let tf: TerraformJson;
beforeAll(() => {
  synth = synthToTemp({ catalog: changed, environments: [slackEnv, testProdEnvironment()] });
  tf = mustGet(synth.json, "nba-props-dev");
});
afterAll(() => synth.cleanup());

describe("stacks follow a changed catalog and environment", () => {
  test("an unpartitioned table with a recorded reason is declared and passes the policy through its suppression", () => {
    const table = resourceOf(tf, "google_bigquery_table", `${unpartitioned.dataset}--tiny_reference_list`);
    expect(table.time_partitioning).toBeUndefined();
    const report = runPolicyChecks([...synth.stacks.values()]);
    expect(report.violations).toEqual([]);
    expect(report.suppressed).toContainEqual(expect.objectContaining({ rule: "bigquery-table-partitioned", reason: unpartitioned.partitioning.kind === "none" ? unpartitioned.partitioning.reason : "" }));
  });

  test("a new topic gets its dead-letter topic, subscriptions and grants", () => {
    expect(resourceOf(tf, "google_pubsub_topic", "nba-phase7-extra-dlq")).toMatchObject({ name: "nba-phase7-extra-dlq" });
    expect(resourceOf(tf, "google_pubsub_subscription", "nba-phase7-extra--phase-orchestrator")).toMatchObject({ dead_letter_policy: { max_delivery_attempts: extraTopic.subscriptions[0]?.maxDeliveryAttempts } });
    expect(resourceOf(tf, "google_pubsub_topic_iam_member", "phase-orchestrator--nba-phase7-extra")).toMatchObject({ role: "roles/pubsub.publisher" });
  });

  test("a Slack channel reads its token from Secret Manager and every policy notifies it", () => {
    expect(resourceOf(tf, "google_secret_manager_secret", "monitoring-slack-token")).toMatchObject({ secret_id: "monitoring-slack-token" });
    expect(tf.data?.google_secret_manager_secret_version?.["monitoring-slack-token"]).toMatchObject({ secret: "${google_secret_manager_secret.monitoring-slack-token.secret_id}" });
    expect(resourceOf(tf, "google_monitoring_notification_channel", "slack--nba-alerts")).toMatchObject({
      type: "slack",
      labels: { channel_name: "#nba-alerts" },
      sensitive_labels: { auth_token: "${data.google_secret_manager_secret_version.monitoring-slack-token.secret_data}" },
    });
    for (const policy of Object.values(tf.resource.google_monitoring_alert_policy ?? {})) {
      expect(policy.notification_channels).toContain("${google_monitoring_notification_channel.slack--nba-alerts.name}");
    }
  });
});

describe("inputs that are refused", () => {
  test("an inconsistent catalog is refused with every problem listed", () => {
    const broken: Catalog = { ...catalog, topics: [...catalog.topics, { ...extraTopic, name: "nba-unpublished" }] };
    expect(() => buildApp({ outdir: synth.dir, catalog: broken, environments: [slackEnv] })).toThrow(/topic nba-unpublished has no publisher/);
  });

  test("two environments sharing a project are refused", () => {
    expect(() => buildApp({ outdir: synth.dir, environments: [testEnvironment(), testProdEnvironment({ project: testEnvironment().project })] })).toThrow(/each environment needs its own project/);
  });
});
