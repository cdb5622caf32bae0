import { catalog, type RoleSpec } from "../../runtime/catalog";
import { roleRoutes } from "../../runtime/serve/role-routes";
import { declaredIn, type Declared } from "./support/declared";
import { declaredRunningProblems, parseWithCli } from "./support/declared-running";
import { driveDeclaredPaths, runtimeProblems, type Driven } from "./support/drive-roles";
import { deepCopy, mustGet, synthToTemp, type Synthesized, type TerraformJson } from "./support/synth";

const DEV = "nba-props-dev";
let synth: Synthesized;
let dev: TerraformJson;
let declared: Declared;

beforeAll(() => {
  synth = synthToTemp();
  dev = mustGet(synth.json, DEV);
  declared = declaredIn(dev);
});
afterAll(() => synth.cleanup());

describe("what the stacks declare is what the runtime runs", () => {
  test("the stacks declare the services, pushes, jobs and schedules this runtime has (none of them vacuous)", () => {
    expect(declared.services.map((s) => [s.name, s.args.join(" ")]).sort()).toEqual([
      ["alert-dispatcher", "serve --role alert-dispatcher"],
      ["analytics-processors", "serve --role analytics-processors"],
      ["phase-orchestrator", "serve --role phase-orchestrator"],
      ["precompute-processors", "serve --role precompute-processors"],
      ["raw-processors", "serve --role raw-processors"],
    ]);
    expect(declared.servicePaths).toContainEqual({ source: "subscription nba-phase4-trigger--precompute-processors", service: "precompute-processors", path: "/pubsub/phase4-trigger", kind: "push" });
    expect(declared.servicePaths).toContainEqual({ source: "scheduler same-day-phase3", service: "phase-orchestrator", path: "/trigger", kind: "scheduler", body: { phase: "phase_3_analytics", date: "TODAY" } });
    expect(declared.servicePaths).toContainEqual({ source: "scheduler gate-sweep", service: "phase-orchestrator", path: "/gates/sweep", kind: "scheduler", body: {} });
    expect(declared.servicePaths).toContainEqual({ source: "subscription nba-phase1-scrapers-complete--raw-processors", service: "raw-processors", path: "/pubsub/phase1", kind: "push" });
    expect(declared.jobOverrides).toContainEqual({ source: "scheduler nbac-player-boxscore-overnight", job: "scraper-nbac-player-boxscore", args: ["scrape", "nbac_player_boxscore", "--date", "YESTERDAY"] });
    expect(declared.metrics.length).toBeGreaterThan(0);
    expect(declared.ttlFields.length).toBeGreaterThan(0);
  });

  test.each([DEV, "nba-props-prod"])("%s: every service serves a role with handlers, every path is answered, every handler is pointed at, every job's args parse", async (stack) => {
    expect(await declaredRunningProblems(declaredIn(mustGet(synth.json, stack)), roleRoutes)).toEqual([]);
  });

  test("args parse with the CLI's own parser, without running anything", async () => {
    expect(await parseWithCli(["scrape", "nbac_schedule", "--date", "TODAY"])).toMatchObject({ ok: true, command: "scrape", operands: ["nbac_schedule"], options: { date: "TODAY" } });
    expect(await parseWithCli(["serve", "--role", "raw-processors"])).toMatchObject({ ok: true, command: "serve", options: { role: "raw-processors" } });
    expect(await parseWithCli(["scrape", "nbac_schedule", "--day", "TODAY"])).toMatchObject({ ok: false, error: expect.stringContaining("--day") });
    expect(await parseWithCli(["sweep-stuck"])).toMatchObject({ ok: false, error: expect.stringContaining("unknown command") });
  });
});

describe("the runtime paths behind the declarations", () => {
  let driven: Driven;
  beforeAll(async () => {
    driven = await driveDeclaredPaths(declared, roleRoutes);
  });

  test("each declared path, started on loopback on the local platform, answers a valid body 200 and handles it", () => {
    expect(driven.posted.length).toBeGreaterThanOrEqual(new Set(declared.servicePaths.map((p) => `${p.service} ${p.path}`)).size);
    for (const p of driven.posted) expect({ what: `${p.role} ${p.path}: ${p.what}`, status: p.status, outcome: p.body.status }).toEqual({ what: `${p.role} ${p.path}: ${p.what}`, status: 200, outcome: "done" });
  });

  test("every log event a log-based metric counts was emitted, and every Firestore TTL field was written as a Date (a Timestamp)", () => {
    expect(runtimeProblems(declared, driven)).toEqual([]);
  });

  test("a metric on an event nothing emits, and a TTL field written as a string, are reported", () => {
    const mutant: Declared = {
      ...declared,
      metrics: [...declared.metrics, { name: "nba_never_emitted", event: "never_emitted", where: {} }],
      ttlFields: [...declared.ttlFields, { collection: "heartbeats", field: "expire_at" }],
    };
    const withString: Driven = { ...driven, writes: [...driven.writes, { collection: "quarantine", doc: { expire_at: "2025-04-15T00:00:00.000Z" } }] };
    expect(runtimeProblems(mutant, withString)).toEqual([
      expect.stringContaining("metric nba_never_emitted counts event never_emitted"),
      "TTL quarantine.expire_at is written as string (\"2025-04-15T00:00:00.000Z\"), not a Date (Firestore Timestamp)",
      "TTL heartbeats.expire_at: no driven runtime path writes it",
    ]);
  });
});

describe("mutants fail the check", () => {
  const mysteryRole: RoleSpec = { ...catalog.roles.find((r) => r.name === "phase-orchestrator")!, name: "mystery-service", args: ["serve", "--role", "mystery-service"] };

  test("a role added to the catalog without code, and a catalog schedule posting to a path no handler answers", async () => {
    const schedule = { ...catalog.schedules[0]!, name: "same-day-trigger", target: { kind: "service" as const, role: "phase-orchestrator", path: "/trigger-phase3", body: { date: "TODAY" } } };
    // One synthesis for both mutants keeps the file fast; each problem names its own cause.
    const mutant = synthToTemp({ catalog: { ...catalog, roles: [...catalog.roles, mysteryRole], schedules: [...catalog.schedules, schedule] } });
    try {
      expect(await declaredRunningProblems(declaredIn(mustGet(mutant.json, DEV)), roleRoutes)).toEqual([
        "service mystery-service: serve --role mystery-service: no server for that role in code",
        "scheduler same-day-trigger posts to phase-orchestrator/trigger-phase3, which no handler of role phase-orchestrator answers",
      ]);
    } finally {
      mutant.cleanup();
    }
  });

  test("a scheduler path renamed in the stack", async () => {
    const tf = deepCopy(dev);
    const jobs = tf.resource.google_cloud_scheduler_job!;
    jobs["renamed"] = { ...deepCopy(jobs["nbac-schedule-refresh"]!), http_target: { http_method: "POST", uri: "${google_cloud_run_v2_service.raw-processors.uri}/pubsub/phase-one" } };
    expect(await declaredRunningProblems(declaredIn(tf), roleRoutes)).toEqual(["scheduler renamed posts to raw-processors/pubsub/phase-one, which no handler of role raw-processors answers"]);
  });

  test("the same-day and gate-sweep schedule paths renamed: each declared path has no handler, and the handlers no schedule", async () => {
    const tf = deepCopy(dev);
    const jobs = tf.resource.google_cloud_scheduler_job!;
    for (const [name, path] of [["same-day-phase3", "/triggers"], ["gate-sweep", "/gate/sweep"]] as const) {
      const http = jobs[name]!.http_target as { uri: string };
      http.uri = `\${google_cloud_run_v2_service.phase-orchestrator.uri}${path}`;
    }
    expect(await declaredRunningProblems(declaredIn(tf), roleRoutes)).toEqual([
      "scheduler gate-sweep posts to phase-orchestrator/gate/sweep, which no handler of role phase-orchestrator answers",
      "scheduler same-day-phase3 posts to phase-orchestrator/triggers, which no handler of role phase-orchestrator answers",
      "handler phase-orchestrator /trigger is not pointed at by any subscription or schedule",
      "handler phase-orchestrator /gates/sweep is not pointed at by any subscription or schedule",
    ]);
  });

  test("a push path renamed: the declared path has no handler and the handler has no push", async () => {
    const tf = deepCopy(dev);
    const sub = tf.resource.google_pubsub_subscription!["nba-phase1-scrapers-complete--raw-processors"]!;
    sub.push_config = { ...(sub.push_config as object), push_endpoint: "${google_cloud_run_v2_service.raw-processors.uri}/pubsub/phase-one" };
    expect(await declaredRunningProblems(declaredIn(tf), roleRoutes)).toEqual([
      "subscription nba-phase1-scrapers-complete--raw-processors posts to raw-processors/pubsub/phase-one, which no handler of role raw-processors answers",
      "handler raw-processors /pubsub/phase1 is not pointed at by any subscription or schedule",
    ]);
  });

  test("a handler in code that no stack points at, and a role in code with no service", async () => {
    const routes = { ...roleRoutes, "raw-processors": [...roleRoutes["raw-processors"]!, { ...roleRoutes["raw-processors"]![0]!, path: "/pubsub/extra" }], "ghost-role": [] };
    expect(await declaredRunningProblems(declared, routes)).toEqual([
      "handler raw-processors /pubsub/extra is not pointed at by any subscription or schedule",
      "role ghost-role has a server in code but no Cloud Run service runs it",
    ]);
  });

  test("job and scheduler override args the CLI cannot run", async () => {
    const tf = deepCopy(dev);
    const job = tf.resource.google_cloud_run_v2_job!["scraper-nbac-schedule"]!;
    ((job.template as { template: { containers: { args: string[] }[] } }).template.containers[0]!).args = ["scrape", "nbac_nothing"];
    const scheduler = tf.resource.google_cloud_scheduler_job!["nbac-schedule-refresh"]!;
    const http = scheduler.http_target as { body: string };
    http.body = Buffer.from(JSON.stringify({ overrides: { containerOverrides: [{ args: ["sweep-stuck"] }] } })).toString("base64");
    const problems = await declaredRunningProblems(declaredIn(tf), roleRoutes);
    expect(problems).toEqual([
      "job scraper-nbac-schedule: scrape nbac_nothing: no such scraper in code",
      expect.stringMatching(/^scheduler nbac-schedule-refresh \(job scraper-nbac-schedule\): args \["sweep-stuck"\] do not parse: error: unknown command 'sweep-stuck'/),
    ]);
  });
});
