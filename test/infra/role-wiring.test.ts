import { catalog } from "../../runtime/catalog";
import { serviceUrlVariable } from "../../runtime/orchestration/service-url-variable";
import { bodiesOf, mustGet, ref, resourceOf, synthToTemp, type Synthesized, type TerraformJson } from "./support/synth";

let synth: Synthesized;
let dev: TerraformJson;
beforeAll(() => {
  synth = synthToTemp();
  dev = mustGet(synth.json, "nba-props-dev");
});
afterAll(() => synth.cleanup());

type Container = { env?: { name: string; value?: string; value_source?: unknown }[] };
const containerOf = (role: string): Container => {
  const service = resourceOf(dev, "google_cloud_run_v2_service", role) as { template: { containers: Container[] } };
  return service.template.containers[0]!;
};

describe("the 2->3 transition's path through the stacks", () => {
  const spec = catalog.transitions.find((t) => t.name === "phase2-to-phase3")!;

  test("phase-2 completions are pushed to the orchestrator, its trigger to the analytics service", () => {
    const completionSubs = catalog.topics.find((t) => t.name === spec.completionTopic)!.subscriptions.map((s) => s.consumer);
    const triggerSubs = catalog.topics.find((t) => t.name === spec.triggerTopic)!.subscriptions.map((s) => [s.consumer, s.pushPath]);
    expect(completionSubs).toEqual(["phase-orchestrator"]);
    expect(triggerSubs).toEqual([["analytics-processors", "/pubsub/phase3-trigger"]]);
    expect(catalog.roles.find((r) => r.name === "phase-orchestrator")?.publishesTo).toEqual([spec.triggerTopic]);
  });

  test("the orchestrator gets the analytics service's URL and may call it (its health gate), nothing more", () => {
    expect(containerOf("phase-orchestrator").env).toContainEqual({ name: serviceUrlVariable("analytics-processors"), value: ref("google_cloud_run_v2_service", "analytics-processors", "uri") });
    expect(bodiesOf(dev, "google_cloud_run_v2_service_iam_member")).toContainEqual(
      expect.objectContaining({ name: ref("google_cloud_run_v2_service", "analytics-processors", "name"), role: "roles/run.invoker", member: ref("google_service_account", "phase-orchestrator", "member") }),
    );
    expect(containerOf("raw-processors").env?.map((e) => e.name)).not.toContain(serviceUrlVariable("analytics-processors"));
  });
});

describe("channel secrets reach every container as values (secret_key_ref), never in the configuration", () => {
  test.each(catalog.roles.map((r) => [r.name, r.kind] as const))("%s (%s)", (role, kind) => {
    const body =
      kind === "service"
        ? (resourceOf(dev, "google_cloud_run_v2_service", role) as { template: { containers: Container[] }; depends_on?: string[] })
        : (resourceOf(dev, "google_cloud_run_v2_job", role) as { template: { template: { containers: Container[] } }; depends_on?: string[] });
    const env = ("containers" in body.template ? body.template.containers : body.template.template.containers)[0]!.env ?? [];
    for (const [variable, secret] of [
      ["SLACK_WEBHOOK_URL", "slack-webhook-url"],
      ["SMTP_PASSWORD", "smtp-password"],
    ] as const) {
      expect(env).toContainEqual({ name: variable, value_source: { secret_key_ref: { secret: ref("google_secret_manager_secret", secret, "secret_id"), version: "latest" } } });
      // The revision starts only once its identity may read the secret.
      expect(body.depends_on).toContain(`google_secret_manager_secret_iam_member.${role}--${secret}--secretAccessor`);
    }
    expect(env.map((e) => e.name)).toEqual(expect.arrayContaining(["SMTP_HOST", "SMTP_PORT", "SMTP_USER", "SMTP_FROM"]));
    expect(env.filter((e) => (e.name === "SLACK_WEBHOOK_URL" || e.name === "SMTP_PASSWORD") && e.value !== undefined)).toEqual([]);
  });

  test("the alert dead letter: a topic every role may publish to, pulled by operators, watched like the other dead letters", () => {
    expect(resourceOf(dev, "google_pubsub_topic", "nba-alerts-dead-letter")).toMatchObject({ name: "nba-alerts-dead-letter" });
    expect(resourceOf(dev, "google_pubsub_subscription", "nba-alerts-dead-letter--operators")).toMatchObject({ topic: ref("google_pubsub_topic", "nba-alerts-dead-letter", "id") });
    for (const role of catalog.roles) {
      expect(bodiesOf(dev, "google_pubsub_topic_iam_member")).toContainEqual(
        expect.objectContaining({ topic: ref("google_pubsub_topic", "nba-alerts-dead-letter", "name"), role: "roles/pubsub.publisher", member: ref("google_service_account", role.name, "member") }),
      );
    }
  });
});
