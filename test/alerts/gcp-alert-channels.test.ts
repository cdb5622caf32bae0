import { ALERT_DEAD_LETTER_TOPIC, catalog } from "../../runtime/catalog";
import { loadAlertsConfig } from "../../runtime/alerts/alerts-config";
import { openGcpPlatform } from "../../runtime/platform/gcp/open-gcp-platform";
import type { ClosablePlatform } from "../../runtime/platform/platform";
import { startGcpTestEnv, TEST_PROJECT, type GcpTestEnv } from "../support/gcp-test-env";
import { startHttpFake, type HttpFake } from "../support/http-fake";

/** What the stacks give a role: its secrets' names, and their values through secret_key_ref. */
const channelEnv = (webhook: string): Record<string, string> => ({
  NBA_PROPS_SECRET_SLACK_WEBHOOK_URL: `projects/${TEST_PROJECT}/secrets/slack-webhook-url`,
  NBA_PROPS_SECRET_SMTP_PASSWORD: `projects/${TEST_PROJECT}/secrets/smtp-password`,
  SLACK_WEBHOOK_URL: `${webhook}/hook`,
  SMTP_PASSWORD: "not-a-real-password",
  SMTP_HOST: "127.0.0.1",
  SMTP_PORT: "2525",
  SMTP_USER: "alerts",
  SMTP_FROM: "alerts@example.com",
});

const alert = (scope: string) => ({ severity: "error" as const, title: `raw run failed ${scope}`, message: "a failure", context: {}, source: "raw-processors", category: "run_failed", scope });

describe("declared: every role holds the channel secrets, and the alert dead letter is the topic the runtime publishes to", () => {
  test("alerts.yaml's dead-letter topic is the declared one", () => {
    expect(loadAlertsConfig().dead_letter.topic).toBe(ALERT_DEAD_LETTER_TOPIC);
  });

  test("every role is given the Slack and SMTP secrets its gcp profile reads", () => {
    // Beside them, only a paid source's scraper job holds its API key (test/scrapers/http-fan-out.test.ts).
    const channelSecrets = (role: (typeof catalog.roles)[number]): string[] => role.secrets.filter((s) => !(role.kind === "job" && role.args[0] === "scrape" && s.endsWith("-api-key"))).sort();
    for (const role of catalog.roles) expect({ role: role.name, secrets: channelSecrets(role) }).toEqual({ role: role.name, secrets: ["slack-webhook-url", "smtp-password"] });
  });
});

describe("running: the GCP platform alerts on the real channels and dead-letters to Pub/Sub", () => {
  let testEnv: GcpTestEnv;
  let webhook: HttpFake;
  let answer = 200;
  let platform: ClosablePlatform | null = null;
  beforeAll(async () => {
    testEnv = await startGcpTestEnv({ tables: [] });
    webhook = await startHttpFake(() => ({ status: answer, body: Buffer.from(answer === 200 ? "ok" : "down") }));
  });
  afterEach(async () => {
    await platform?.close();
    platform = null;
  });
  afterAll(async () => {
    await webhook.stop();
    await testEnv.stop();
  });

  test("an error alert goes to the Slack webhook read from the secret's value", async () => {
    answer = 200;
    platform = await openGcpPlatform({ ...testEnv.env, ...channelEnv(webhook.url) });
    await platform.notifier.notify(alert("2025-03-15"));
    const posted = webhook.requests.filter((r) => r.path === "/hook");
    expect(posted).toHaveLength(1);
    expect(posted[0]!.body.toString("utf8")).toContain("raw run failed 2025-03-15");
  });

  test("a Slack channel that keeps failing dead-letters the alert to nba-alerts-dead-letter", async () => {
    answer = 500;
    platform = await openGcpPlatform({ ...testEnv.env, ...channelEnv(webhook.url) });
    await platform.notifier.notify(alert("2025-03-14"));
    const dead = testEnv.pubsub.published.filter((m) => m.topic.endsWith(`/${ALERT_DEAD_LETTER_TOPIC}`) || m.topic === ALERT_DEAD_LETTER_TOPIC);
    expect(dead).toHaveLength(1);
    expect(dead[0]!.json).toMatchObject({ alert_dead_letter: { channel: "slack", message: expect.objectContaining({ title: "raw run failed 2025-03-14" }) } });
  }, 20_000);

  test("a role given its secrets' names but not their values stops at start-up naming the variables", async () => {
    const env: Record<string, string> = { ...testEnv.env, ...channelEnv(webhook.url) };
    delete env.SLACK_WEBHOOK_URL;
    delete env.SMTP_PASSWORD;
    await expect(openGcpPlatform(env)).rejects.toThrow(/SLACK_WEBHOOK_URL[\s\S]*SMTP_PASSWORD|SMTP_PASSWORD[\s\S]*SLACK_WEBHOOK_URL/);
  });
});
