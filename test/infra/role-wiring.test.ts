import { catalog } from "../../runtime/catalog";
import { nbacSchedule } from "../../runtime/catalog/tables/nbac-schedule";
import { buildCompletionMessage } from "../../runtime/messages/completion-message";
import { buildPushEnvelope } from "../../runtime/messages/push-envelope";
import { serviceUrlVariable } from "../../runtime/orchestration/service-url-variable";
import { completionHandler, transitionFor } from "../../runtime/orchestration/transition-handler";
import { claimDataDir } from "../../runtime/platform/local/data-dir-provenance";
import { startRoleServer, type RoleServer } from "../../runtime/serve/role-server";
import { scheduleRow } from "../support/schedule-row";
import { openTestPlatform, type TestPlatform } from "../support/test-platform";
import { bodiesOf, mustGet, ref, resourceOf, resourcesOf, synthToTemp, type Synthesized, type TerraformJson } from "./support/synth";

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
    expect(catalog.roles.find((r) => r.name === "phase-orchestrator")?.publishesTo).toContain(spec.triggerTopic);
  });

  test("the orchestrator gets the analytics service's URL and may call it (its health gate), nothing more", () => {
    expect(containerOf("phase-orchestrator").env).toContainEqual({ name: serviceUrlVariable("analytics-processors"), value: ref("google_cloud_run_v2_service", "analytics-processors", "uri") });
    expect(bodiesOf(dev, "google_cloud_run_v2_service_iam_member")).toContainEqual(
      expect.objectContaining({ name: ref("google_cloud_run_v2_service", "analytics-processors", "name"), role: "roles/run.invoker", member: ref("google_service_account", "phase-orchestrator", "member") }),
    );
    expect(containerOf("raw-processors").env?.map((e) => e.name)).not.toContain(serviceUrlVariable("analytics-processors"));
  });
});

describe("the 3->4 transition's path through the stacks", () => {
  const spec = catalog.transitions.find((t) => t.name === "phase3-to-phase4")!;

  test("phase-3 completions are pushed to the orchestrator, its trigger to the precompute service, whose completions the orchestrator records", () => {
    const pushOf = (topic: string) => (resourcesOf(dev, "google_pubsub_subscription")[`${topic}--${catalog.topics.find((t) => t.name === topic)!.subscriptions[0]!.consumer}`]?.push_config as { push_endpoint: string }).push_endpoint;
    expect(pushOf(spec.completionTopic)).toBe(`${ref("google_cloud_run_v2_service", "phase-orchestrator", "uri")}/pubsub/phase3`);
    expect(pushOf(spec.triggerTopic!)).toBe(`${ref("google_cloud_run_v2_service", "precompute-processors", "uri")}/pubsub/phase4-trigger`);
    expect(pushOf("nba-phase4-precompute-complete")).toBe(`${ref("google_cloud_run_v2_service", "phase-orchestrator", "uri")}/pubsub/phase4`);
    expect(catalog.roles.find((r) => r.name === "phase-orchestrator")?.publishesTo).toEqual(["nba-phase3-trigger", "nba-phase4-trigger"]);
    expect(catalog.roles.find((r) => r.name === "precompute-processors")?.publishesTo).toEqual(["nba-phase4-precompute-complete"]);
    // The predictions trigger stays planned: no prediction service exists, so nothing publishes it.
    expect(resourcesOf(dev, "google_pubsub_topic")["nba-predictions-trigger"]).toBeUndefined();
  });

  test("the phase-4 processors run in the precompute service; the analytics service no longer writes nba_precompute", () => {
    expect(new Set(catalog.processors.filter((p) => p.phase === "phase_4_precompute").map((p) => p.role))).toEqual(new Set(["precompute-processors"]));
    expect(catalog.roles.find((r) => r.name === "analytics-processors")?.datasetsWritten).not.toContain("nba_precompute");
  });

  test("the orchestrator gets the precompute service's URL and may call it (its health gate); Pub/Sub's push identity may invoke it", () => {
    expect(containerOf("phase-orchestrator").env).toContainEqual({ name: serviceUrlVariable("precompute-processors"), value: ref("google_cloud_run_v2_service", "precompute-processors", "uri") });
    const invokers = bodiesOf(dev, "google_cloud_run_v2_service_iam_member").filter((b) => b.name === ref("google_cloud_run_v2_service", "precompute-processors", "name") && b.role === "roles/run.invoker");
    expect(invokers.map((b) => b.member).sort()).toEqual([ref("google_service_account", "phase-orchestrator", "member"), ref("google_service_account", "pubsub-push-invoker", "member")].sort());
  });
});

const SERVICE_URI = /^\$\{google_cloud_run_v2_service\.([^.]+)\.uri\}(\/.*)$/;

interface ServiceCall {
  readonly source: string;
  readonly role: string;
  readonly path: string;
  readonly body: unknown;
}

/** Every scheduler job of a stack that POSTs to a Cloud Run service, with the body it sends. */
function scheduledServiceCalls(tf: TerraformJson): (ServiceCall & { audience: string; invoker: string })[] {
  return Object.entries(resourcesOf(tf, "google_cloud_scheduler_job")).flatMap(([name, job]) => {
    const http = job.http_target as { uri: string; body?: string; oidc_token?: { audience: string; service_account_email: string } };
    const m = SERVICE_URI.exec(http.uri);
    if (!m) return [];
    const role = String(resourceOf(tf, "google_cloud_run_v2_service", m[1]!).name);
    const body: unknown = http.body ? JSON.parse(Buffer.from(http.body, "base64").toString("utf8")) : {};
    return [{ source: `scheduler ${name}`, role, path: m[2]!, body, audience: http.oidc_token?.audience ?? "", invoker: http.oidc_token?.service_account_email ?? "" }];
  });
}

/** Where a stack pushes a topic's messages: the role and path of its push subscription. */
function pushTarget(tf: TerraformJson, topic: string): { role: string; path: string } {
  const sub = Object.values(resourcesOf(tf, "google_pubsub_subscription")).find((s) => s.topic === ref("google_pubsub_topic", topic, "id") && s.push_config !== undefined);
  const m = SERVICE_URI.exec((sub?.push_config as { push_endpoint?: string } | undefined)?.push_endpoint ?? "");
  if (!m) throw new Error(`the stack pushes ${topic} to no service`);
  return { role: String(resourceOf(tf, "google_cloud_run_v2_service", m[1]!).name), path: m[2]! };
}

const phaseTriggerTopics = new Set(catalog.transitions.map((t) => t.triggerTopic));
const SCHEDULE_TODAY = "2025-03-16";
/** 10:30 ET on 2025-03-16 (EDT), when same-day phase 3 is due. */
const SCHEDULE_NOW = "2025-03-16T14:30:00.000Z";

/** What must be true for a schedule's call to start a phase, per path: a slate today, a gate that was blocked and is fixed now. */
const SCENARIOS: Readonly<Record<string, (platform: TestPlatform) => Promise<void>>> = {
  "/trigger": async (platform) => {
    await platform.warehouse.merge(nbacSchedule, [{ ...scheduleRow("9924000001", { game_date: SCHEDULE_TODAY, game_status: 1, game_status_text: "7:30 pm ET", home_team_score: null, away_team_score: null, winning_team_tricode: null }), source_kind: "sim" }]);
  },
  "/gates/sweep": async (platform) => {
    const spec = transitionFor("phase3-to-phase4");
    const down = completionHandler({ platform, health: { check: () => Promise.resolve({ healthy: false, detail: "precompute-processors: 503" }) } }, spec);
    for (const e of spec.expected.overnight) {
      const body = buildCompletionMessage({ processor_name: e.processor, phase: spec.from, execution_id: `e-${e.processor}`, correlation_id: "c-sweep", game_date: "2025-03-15", status: "success", timestamp: SCHEDULE_NOW, metadata: { source_kind: "sim" } });
      await down({ messageId: e.processor, topic: spec.completionTopic, subscription: `${spec.completionTopic}--phase-orchestrator`, attempt: 1, body });
    }
  },
};

describe("every schedule that calls a service, followed through the synthesized stacks to the handler that runs its phase", () => {
  test("the stacks declare the same-day phase-3 and gate-sweep schedules against the orchestrator, with an OIDC token the orchestrator accepts", () => {
    const calls = scheduledServiceCalls(dev);
    expect(calls.map((c) => [c.source, c.role, c.path, c.body])).toEqual([
      ["scheduler gate-sweep", "phase-orchestrator", "/gates/sweep", {}],
      ["scheduler same-day-phase3", "phase-orchestrator", "/trigger", { phase: "phase_3_analytics", date: "TODAY" }],
    ]);
    for (const c of calls) {
      expect(c.audience).toBe(ref("google_cloud_run_v2_service", c.role, "uri"));
      expect(c.invoker).toBe(ref("google_service_account", "scheduler-invoker", "email"));
      expect(bodiesOf(dev, "google_cloud_run_v2_service_iam_member")).toContainEqual(
        expect.objectContaining({ name: ref("google_cloud_run_v2_service", c.role, "name"), role: "roles/run.invoker", member: ref("google_service_account", "scheduler-invoker", "member") }),
      );
    }
  });

  test.each(catalog.schedules.filter((s) => s.target.kind === "service").map((s) => s.name))("schedule %s: its call publishes a phase trigger whose push runs that phase", async (name) => {
    const call = scheduledServiceCalls(dev).find((c) => c.source === `scheduler ${name}`);
    if (!call) throw new Error(`the stack declares no scheduler job ${name} calling a service`);
    const platform = await openTestPlatform(SCHEDULE_NOW);
    const servers = new Map<string, RoleServer>();
    const serverOf = async (role: string): Promise<RoleServer> => {
      const existing = servers.get(role);
      if (existing) return existing;
      const server = await startRoleServer(platform, { role, port: 0, host: "127.0.0.1" });
      servers.set(role, server);
      return server;
    };
    try {
      await claimDataDir(platform.docStore, "role-wiring", "sim", platform.clock.now());
      const scenario = SCENARIOS[call.path];
      if (!scenario) throw new Error(`no scenario for a schedule posting to ${call.path}: add one that makes its call start a phase`);
      await scenario(platform);
      const before = platform.bus.published.length;
      const response = await fetch(`${(await serverOf(call.role)).url}${call.path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(call.body) });
      expect({ status: response.status, body: (await response.json()) }).toMatchObject({ status: 200, body: { status: "done" } });
      const triggers = platform.bus.published.slice(before).filter((m) => phaseTriggerTopics.has(m.topic));
      expect(triggers.length).toBeGreaterThan(0);
      for (const trigger of triggers) {
        const { phase, game_date } = trigger.body as { phase: string; game_date: string };
        const target = pushTarget(dev, trigger.topic);
        const envelope = buildPushEnvelope(trigger.body, { messageId: trigger.messageId, subscription: `projects/p/subscriptions/${trigger.topic}--${target.role}`, deliveryAttempt: 1 });
        const pushed = await fetch(`${(await serverOf(target.role)).url}${target.path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(envelope) });
        const answer = (await pushed.json()) as { status: string; runs: { processor: string; scope: string }[] };
        expect({ status: pushed.status, outcome: answer.status }).toEqual({ status: 200, outcome: "done" });
        expect(answer.runs.length).toBeGreaterThan(0);
        for (const run of answer.runs) expect({ processor: run.processor, phase: catalog.processors.find((p) => p.name === run.processor)?.phase, scope: run.scope }).toEqual({ processor: run.processor, phase, scope: game_date });
      }
    } finally {
      for (const server of servers.values()) await server.shutdown("test finished");
      await platform.warehouse.close();
    }
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
