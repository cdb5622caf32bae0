import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { catalog } from "../../../runtime/catalog";
import { buildCompletionMessage } from "../../../runtime/messages/completion-message";
import { buildPushEnvelope } from "../../../runtime/messages/push-envelope";
import { openLocalPlatform, type LocalPlatform } from "../../../runtime/platform/local/local-platform";
import type { Platform } from "../../../runtime/platform/platform";
import type { Doc, DocStore, DocTransaction } from "../../../runtime/platform/ports/doc-store";
import { runScrapeJob } from "../../../runtime/jobs/scrape-job";
import { nbacSchedule } from "../../../runtime/catalog/tables/nbac-schedule";
import { openAlertRouter } from "../../../runtime/alerts/open-alert-router";
import { RunLedger } from "../../../runtime/monitoring/run-ledger";
import { sweepStuckRuns } from "../../../runtime/monitoring/stuck-sweeper";
import type { HealthProbe } from "../../../runtime/orchestration/health-probe";
import { completionHandler, transitionFor } from "../../../runtime/orchestration/transition-handler";
import { WarehouseError } from "../../../runtime/platform/local/warehouse-error";
import { fixedClock } from "../../../runtime/platform/ports/clock";
import type { Warehouse } from "../../../runtime/platform/ports/warehouse";
import { runProcessor } from "../../../runtime/processors/base/run-processor";
import { runScraper } from "../../../runtime/scrapers/base/run-scraper";
import { scraperDefinitions } from "../../../runtime/scrapers";
import { SimSource } from "../../../runtime/scrapers/sources/sim-source";
import { startRoleServer, type RoleServer } from "../../../runtime/serve/role-server";
import type { RoleRoutes } from "../../../runtime/serve/role-routes";
import { capturedLogger } from "../../support/captured-logger";
import { scheduleRow } from "../../support/schedule-row";
import type { Declared } from "./declared";
import { phaseTriggerFixture } from "../../support/phase-trigger-fixture";

export interface DocWrite {
  readonly collection: string;
  readonly doc: Doc;
}

/** A DocStore that remembers every document written through it (sets, updates, transactions). */
function recordingDocStore(inner: DocStore, writes: DocWrite[]): DocStore {
  return {
    get: (c, id) => inner.get(c, id),
    query: (c, f) => inner.query(c, f),
    set: (c, id, doc) => {
      writes.push({ collection: c, doc });
      return inner.set(c, id, doc);
    },
    update: (c, id, patch) => {
      writes.push({ collection: c, doc: patch });
      return inner.update(c, id, patch);
    },
    transaction: (work) =>
      inner.transaction((tx) => {
        const recorded: DocTransaction = {
          get: (c, id) => tx.get(c, id),
          set: (c, id, doc) => {
            writes.push({ collection: c, doc });
            tx.set(c, id, doc);
          },
          update: (c, id, patch) => {
            writes.push({ collection: c, doc: patch });
            tx.update(c, id, patch);
          },
        };
        return work(recorded);
      }),
  };
}

export interface Posted {
  readonly role: string;
  readonly path: string;
  readonly what: string;
  readonly status: number;
  readonly body: Record<string, unknown>;
}

export interface Driven {
  readonly posted: readonly Posted[];
  readonly events: readonly Record<string, unknown>[];
  readonly writes: readonly DocWrite[];
}

type Example = (platform: LocalPlatform) => Promise<{ body: unknown; attributes?: Record<string, string> }>;

const sim = new SimSource(20250315, "2025-03-20");

async function phase1(platform: LocalPlatform, scraper: string, date: string): Promise<Record<string, unknown>> {
  const definition = scraperDefinitions.find((s) => s.spec.name === scraper)!;
  await runScraper(platform, { scraper: definition, scope: { key: date, gameDate: date }, source: sim });
  return platform.bus.published.filter((m) => m.topic === "nba-phase1-scrapers-complete").at(-1)!.body as Record<string, unknown>;
}

const completion = (phase: string, processor: string, gameDate = "2025-03-15") =>
  buildCompletionMessage({
    processor_name: processor,
    phase,
    execution_id: "e-1",
    correlation_id: "c-1",
    game_date: gameDate,
    status: "success",
    timestamp: "2025-03-16T10:00:00.000Z",
    record_count: 10,
    metadata: { source_kind: "sim" },
  });

/** A raw write that BigQuery answers with a streaming-buffer conflict: postponed, logged, alerted. */
async function postponedWrite(platform: Platform): Promise<unknown> {
  const spec = catalog.processors.find((p) => p.name === "nbac_schedule")!;
  const postponing: Warehouse = {
    ...platform.warehouse,
    merge: () => Promise.reject(new WarehouseError("WRITE_POSTPONED", "MERGE into nba_raw.nbac_schedule: rows still in the streaming buffer")),
  };
  return runProcessor({ ...platform, warehouse: postponing }, { spec, table: nbacSchedule, scope: "2024-25", gameDate: "2025-03-15", sourceKind: "sim", work: () => Promise.resolve({ rows: [scheduleRow("9924000001")], quarantined: [] }) });
}

/** A run that stopped beating an hour ago, found by the every-minute sweep. */
async function staleRunSwept(platform: Platform): Promise<unknown> {
  const past = new RunLedger(platform.docStore, fixedClock(new Date(Date.now() - 3_600_000)), platform.logger);
  await past.start({ processorName: "player_game_summary", phase: "phase_3_analytics", scope: "2025-03-15", gameDate: "2025-03-15", sourceKind: "sim" });
  return sweepStuckRuns(platform, { republishLimit: 0 });
}

/** An alert raised through the router the platform opens (its limiter state and outbox are documents too). */
async function alertRaised(platform: Platform): Promise<unknown> {
  const router = openAlertRouter({ docStore: platform.docStore, clock: platform.clock, logger: platform.logger, bus: platform.bus, textStream: { write: () => true } });
  return router.notify({ severity: "error", title: "declared-running probe", message: "one alert", context: {}, source: "test", category: "probe", scope: "2025-03-15" });
}

/** A complete 2->3 set whose next service is not ready: the gate blocks (fail closed). */
async function gateBlocked(platform: Platform): Promise<void> {
  const unready: HealthProbe = { check: () => Promise.resolve({ healthy: false, detail: "analytics-processors: 503" }) };
  const spec = transitionFor("phase2-to-phase3");
  const handle = completionHandler({ platform, health: unready }, spec);
  // Another date than the served /pubsub/phase2 example; the whole backfill set, so the gates run.
  for (const [i, e] of spec.expected.backfill.entries()) {
    await handle({ messageId: `gate-${i}`, topic: spec.completionTopic, subscription: "nba-phase2-raw-complete--phase-orchestrator", attempt: 1, body: completion("phase_2_raw", e.processor, "2025-03-14") });
  }
}

/** A valid body for each path a service answers: what Pub/Sub or Cloud Scheduler would send. */
const EXAMPLES: Readonly<Record<string, Example>> = {
  "/pubsub/phase1": async (platform) => ({ body: await phase1(platform, "nbac_player_boxscore", "2025-03-15") }),
  "/pubsub/phase2": () => Promise.resolve({ body: completion("phase_2_raw", "nbac_player_boxscores") }),
  "/pubsub/phase3": () => Promise.resolve({ body: completion("phase_3_analytics", "player_game_summary") }),
  "/pubsub/phase4": () => Promise.resolve({ body: completion("phase_4_precompute", "player_daily_cache") }),
  "/pubsub/phase4-trigger": () =>
    Promise.resolve({ body: phaseTriggerFixture("phase_4_precompute", { source_kind: "sim" }) }),
  "/pubsub/phase3-trigger": () =>
    Promise.resolve({ body: phaseTriggerFixture("phase_3_analytics", { source_kind: "sim" }) }),
  "/pubsub/dead-letter": () =>
    Promise.resolve({
      body: completion("phase_2_raw", "nbac_schedule"),
      attributes: { CloudPubSubDeadLetterSourceSubscription: "nba-phase1-scrapers-complete--raw-processors", CloudPubSubDeadLetterSourceDeliveryCount: "5" },
    }),
};

/** Runtime paths driven beyond the valid bodies: a run that fails (corrupt payload) and one that quarantines a record. */
const EXTRA: readonly { role: string; path: string; what: string; example: Example }[] = [
  {
    role: "raw-processors",
    path: "/pubsub/phase1",
    what: "a payload with one bad record (quarantined, run failed)",
    example: async (platform) => {
      const message = await phase1(platform, "nbac_player_boxscore", "2025-03-14");
      const meta = message.metadata as Record<string, string>;
      const payload = JSON.parse((await platform.objectStore.get(meta.object_path!)).toString("utf8")) as { resultSets: { headers: string[]; rowSet: unknown[][] }[] };
      const set = payload.resultSets[0]!;
      set.rowSet[0]![set.headers.indexOf("WL")] = "X";
      await platform.objectStore.put(meta.object_path!, JSON.stringify(payload));
      return { body: message };
    },
  },
];

/**
 * Job commands' runtime paths, run on the same platform (their log events and documents count
 * too). A job that emits a metric's event (a sweep, a validation) adds its driver here.
 */
const JOB_DRIVERS: readonly { what: string; drive: (platform: Platform) => Promise<unknown> }[] = [
  { what: "scrape nbac_schedule (a scraper job)", drive: (platform) => runScrapeJob(platform, { scraper: "nbac_schedule", date: "2025-03-15", source: sim, consumeLocally: false }) },
  { what: "a raw write postponed by the streaming buffer", drive: postponedWrite },
  { what: "monitor sweep (the stuck-sweeper job) over a run that stopped beating", drive: staleRunSwept },
  { what: "the 2->3 transition blocked by an unready next service", drive: gateBlocked },
  { what: "an alert through the persisted limiter", drive: alertRaised },
];

/**
 * Starts every role's server on loopback, on one local platform in a temp data dir, and posts a
 * valid body to each path the stack declares (plus the extra paths above). Returns what came back,
 * every structured log event and every document written.
 */
export async function driveDeclaredPaths(declared: Declared, routes: RoleRoutes): Promise<Driven> {
  const dir = mkdtempSync(join(tmpdir(), "nba-props-declared-"));
  const { logger, events } = capturedLogger();
  const writes: DocWrite[] = [];
  const local = await openLocalPlatform({ dataDir: dir, logger, alertStream: { write: () => true } });
  const platform: Platform = { ...local, docStore: recordingDocStore(local.docStore, writes) };
  const servers = new Map<string, RoleServer>();
  const posted: Posted[] = [];
  try {
    for (const role of Object.keys(routes)) servers.set(role, await startRoleServer(platform, { role, port: 0, host: "127.0.0.1", routes }));
    const post = async (role: string, path: string, what: string, example: Example | undefined, scheduled = false): Promise<void> => {
      const server = servers.get(role);
      if (!server || !example) {
        posted.push({ role, path, what, status: 0, body: { error: !server ? "no server for the role" : `no example body for ${path}` } });
        return;
      }
      const { body, attributes } = await example(local);
      // Cloud Scheduler posts its JSON body as is; Pub/Sub wraps the message in a push envelope.
      const envelope = scheduled ? body : buildPushEnvelope(body, { messageId: `${role}-${posted.length}`, subscription: `projects/p/subscriptions/${role}${path.replace(/\//g, "-")}`, deliveryAttempt: 1, ...(attributes ? { attributes } : {}) });
      const response = await fetch(`${server.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(envelope) });
      posted.push({ role, path, what, status: response.status, body: (await response.json()) as Record<string, unknown> });
    };
    const seen = new Set<string>();
    for (const p of declared.servicePaths) {
      const key = `${p.service} ${p.path}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // A scheduler job's body is the one the stack declares.
      if (p.kind === "scheduler") await post(p.service, p.path, `the declared body (${p.source})`, () => Promise.resolve({ body: p.body }), true);
      else await post(p.service, p.path, `a valid body (${p.source})`, EXAMPLES[p.path]);
    }
    for (const extra of EXTRA) await post(extra.role, extra.path, extra.what, extra.example);
    for (const job of JOB_DRIVERS) await job.drive(platform);
  } finally {
    for (const server of servers.values()) await server.shutdown("drive finished");
    await local.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return { posted, events, writes };
}

/** Log-based metrics whose event (with its filters and labels) no driven path emitted; TTL fields not written as Dates. */
export function runtimeProblems(declared: Declared, driven: Driven): string[] {
  const problems: string[] = [];
  for (const metric of declared.metrics) {
    const labels = catalog.logMetrics.find((m) => m.name === metric.name)?.labels ?? [];
    const emitted = driven.events.some((e) => e.event === metric.event && Object.entries(metric.where).every(([k, v]) => e[k] === v) && labels.every((l) => e[l] !== undefined));
    if (!emitted) problems.push(`metric ${metric.name} counts event ${metric.event} ${JSON.stringify(metric.where)} with labels ${labels.join(", ")}, which no driven runtime path emitted`);
  }
  for (const ttl of declared.ttlFields) {
    const docs = driven.writes.filter((w) => w.collection === ttl.collection && w.doc[ttl.field] !== undefined);
    if (docs.length === 0) problems.push(`TTL ${ttl.collection}.${ttl.field}: no driven runtime path writes it`);
    const bad = docs.find((w) => !(w.doc[ttl.field] instanceof Date));
    if (bad) problems.push(`TTL ${ttl.collection}.${ttl.field} is written as ${typeof bad.doc[ttl.field]} (${JSON.stringify(bad.doc[ttl.field])}), not a Date (Firestore Timestamp)`);
  }
  return problems;
}
