import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { catalog } from "../catalog/catalog";
import { errorMessage } from "../domain/error-message";
import { pushEnvelopeSchema, subscriptionName } from "../messages/push-envelope";
import { RUNS_COLLECTION } from "../monitoring/run-ledger";
import type { Platform } from "../platform/platform";
import { isTransient } from "../platform/ports/transient-error";
import { sql } from "../platform/sql/fragment";
import type { PushDelivery, PushResult } from "./push-result";
import { roleRoutes as defaultRoutes, type RoleRoute, type RoleRoutes } from "./role-routes";
import type { ScheduledResult } from "./scheduled-result";
import { TrackingLedger } from "./tracking-ledger";

/** Pub/Sub messages of this platform are small JSON envelopes; anything bigger is not ours. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/** Cloud Run allows 10 s between SIGTERM and SIGKILL; leave room to record and close. */
export const DEFAULT_DRAIN_MS = 8000;

export interface RoleServerOptions {
  readonly role: string;
  readonly port: number;
  readonly host?: string;
  readonly maxBodyBytes?: number;
  readonly drainMs?: number;
  readonly routes?: RoleRoutes;
}

export interface RoleServer {
  readonly port: number;
  readonly url: string;
  /** Stops accepting, lets requests in hand finish (up to drainMs), fails runs still open, closes. */
  shutdown(reason: string): Promise<void>;
}

export class UnknownRoleError extends Error {}

interface Reply {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly headers?: Readonly<Record<string, string>>;
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"] ?? NaN);
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on("end", () => (tooLarge ? reject(new BodyTooLarge()) : resolve(Buffer.concat(chunks))));
    req.on("error", reject);
  });
}

function topicOf(subscription: string): string {
  const declared = catalog.topics.find((t) => t.subscriptions.some((s) => s.name === subscription));
  if (declared) return declared.name;
  return subscription.split("--")[0] ?? subscription;
}

/** Starts the HTTP server of one service role on `platform`. */
export async function startRoleServer(platform: Platform, options: RoleServerOptions): Promise<RoleServer> {
  const allRoutes = options.routes ?? defaultRoutes;
  const routes = allRoutes[options.role];
  if (!routes) throw new UnknownRoleError(`unknown role "${options.role}"; roles with a server: ${Object.keys(allRoutes).join(", ")}`);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const drainMs = options.drainMs ?? DEFAULT_DRAIN_MS;
  const ledger = new TrackingLedger(platform.docStore, platform.clock, platform.logger);
  const served: Platform = {
    warehouse: platform.warehouse,
    docStore: platform.docStore,
    bus: platform.bus,
    objectStore: platform.objectStore,
    notifier: platform.notifier,
    clock: platform.clock,
    logger: platform.logger,
    ledger,
  };
  const logger = platform.logger;
  let draining = false;
  const inFlight = new Set<Promise<void>>();
  const unanswered = new Set<ServerResponse>();

  const send = (res: ServerResponse, reply: Reply): void => {
    unanswered.delete(res);
    if (res.headersSent || res.destroyed) return;
    const text = JSON.stringify(reply.body);
    res.writeHead(reply.status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...(draining ? { connection: "close" } : {}), ...(reply.headers ?? {}) });
    res.end(text);
  };

  async function ready(): Promise<Reply> {
    const checks: Record<string, string> = {};
    const probe = async (name: string, check: () => Promise<unknown>): Promise<void> => {
      try {
        await check();
        checks[name] = "ok";
      } catch (err) {
        checks[name] = errorMessage(err);
      }
    };
    await probe("warehouse", () => served.warehouse.query(sql`SELECT 1 AS ok`));
    await probe("doc_store", () => served.docStore.get(RUNS_COLLECTION, "readiness-probe"));
    const ok = Object.values(checks).every((v) => v === "ok");
    return { status: ok ? 200 : 503, body: { status: ok ? "ready" : "not_ready", role: options.role, checks } };
  }

  async function handleScheduled(route: RoleRoute & { kind: "scheduled" }, body: Buffer): Promise<Reply> {
    let json: unknown;
    try {
      json = body.length === 0 ? {} : JSON.parse(body.toString("utf8"));
    } catch (err) {
      return { status: 400, body: { error: `body is not JSON: ${errorMessage(err)}` } };
    }
    let result: ScheduledResult;
    try {
      result = await route.handle(served, json);
    } catch (err) {
      result = { kind: "transient", reason: errorMessage(err) };
    }
    const context = { role: options.role, path: route.path };
    switch (result.kind) {
      case "done":
        logger.info({ event: "scheduled_handled", ...context }, `${route.path}: done`);
        return { status: 200, body: { status: "done", ...result.body } };
      case "rejected":
        // The scheduler records the failed attempt (its failure alert); a retry with the same body cannot help.
        logger.warn({ event: "scheduled_rejected", ...context, reason: result.reason }, `${route.path}: rejected`);
        return { status: 400, body: { status: "rejected", reason: result.reason } };
      case "transient":
        logger.warn({ event: "scheduled_retry", ...context, reason: result.reason }, `${route.path}: transient failure, retry asked`);
        return { status: 503, body: { status: "retry", reason: result.reason } };
    }
  }

  async function handlePush(route: RoleRoute & { kind: "push" }, body: Buffer): Promise<Reply> {
    let json: unknown;
    try {
      json = JSON.parse(body.toString("utf8"));
    } catch (err) {
      return { status: 400, body: { error: `body is not JSON: ${errorMessage(err)}` } };
    }
    const envelope = pushEnvelopeSchema.safeParse(json);
    if (!envelope.success) {
      const issue = envelope.error.issues[0];
      return { status: 400, body: { error: `not a Pub/Sub push envelope: field ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}` } };
    }
    const { message, subscription: fullSubscription, deliveryAttempt } = envelope.data;
    const subscription = subscriptionName(fullSubscription);
    const context = { role: options.role, path: route.path, message_id: message.messageId, subscription, delivery_attempt: deliveryAttempt ?? 1 };
    let result: PushResult;
    let decoded: unknown;
    try {
      decoded = JSON.parse(Buffer.from(message.data, "base64").toString("utf8"));
    } catch (err) {
      decoded = undefined;
      result = { kind: "rejected", reason: `message data is not JSON: ${errorMessage(err)}` };
    }
    if (decoded !== undefined) {
      const delivery: PushDelivery = { messageId: message.messageId, topic: topicOf(subscription), subscription, attempt: deliveryAttempt ?? 1, body: decoded, attributes: message.attributes ?? {} };
      try {
        result = await route.handle(served, delivery);
      } catch (err) {
        result = isTransient(err) ? { kind: "transient", reason: errorMessage(err) } : { kind: "rejected", reason: errorMessage(err) };
      }
    }
    result ??= { kind: "rejected", reason: "no result" };
    switch (result.kind) {
      case "done":
        logger.info({ event: "push_handled", ...context, runs: result.runs.length }, `${route.path} ${message.messageId}: done`);
        return { status: 200, body: { status: "done", runs: result.runs } };
      case "rejected":
        // Redelivering cannot help: record the reason, alert once, acknowledge.
        logger.warn({ event: "push_rejected", ...context, reason: result.reason }, `${route.path} ${message.messageId}: rejected`);
        await served.notifier.notify({
          severity: "error",
          title: `${options.role} rejected a message on ${subscription}`,
          message: result.reason,
          context,
          source: options.role,
          category: "push_rejected",
          scope: subscription,
        });
        return { status: 200, body: { status: "rejected", reason: result.reason } };
      case "transient":
        logger.warn({ event: "push_retry", ...context, reason: result.reason }, `${route.path} ${message.messageId}: transient failure, redelivery asked`);
        return { status: 503, body: { status: "retry", reason: result.reason } };
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (path === "/health/live") {
      send(res, req.method === "GET" ? { status: 200, body: { status: "live", role: options.role } } : { status: 405, body: { error: "use GET" }, headers: { allow: "GET" } });
      return;
    }
    if (path === "/health/ready") {
      send(res, req.method === "GET" ? await ready() : { status: 405, body: { error: "use GET" }, headers: { allow: "GET" } });
      return;
    }
    const route = routes?.find((r) => r.path === path);
    if (!route) {
      req.resume();
      send(res, { status: 404, body: { error: `no route ${path} on role ${options.role}; it answers ${["/health/live", "/health/ready", ...(routes ?? []).map((r) => r.path)].join(", ")}` } });
      return;
    }
    if (req.method !== "POST") {
      req.resume();
      send(res, { status: 405, body: { error: `${path} takes POST` }, headers: { allow: "POST" } });
      return;
    }
    if (draining) {
      req.resume();
      send(res, { status: 503, body: { status: "retry", reason: "shutting down" } });
      return;
    }
    const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
    if (type !== "application/json") {
      req.resume();
      send(res, { status: 415, body: { error: `content-type must be application/json, got ${type || "none"}` } });
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(req, maxBodyBytes);
    } catch (err) {
      if (err instanceof BodyTooLarge) send(res, { status: 413, body: { error: `body larger than ${maxBodyBytes} bytes` } });
      else send(res, { status: 400, body: { error: `could not read the body: ${errorMessage(err)}` } });
      return;
    }
    send(res, route.kind === "push" ? await handlePush(route, body) : await handleScheduled(route, body));
  }

  const server = createServer((req, res) => {
    unanswered.add(res);
    const work = handle(req, res).catch((err: unknown) => {
      logger.error({ event: "request_failed", role: options.role, err }, "request failed");
      send(res, { status: 500, body: { error: errorMessage(err) } });
    });
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "0.0.0.0", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  logger.info({ event: "server_started", role: options.role, port }, `serving ${options.role} on ${port}`);

  let shuttingDown: Promise<void> | null = null;
  const shutdown = (reason: string): Promise<void> => {
    shuttingDown ??= (async () => {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const timedOut = await Promise.race([
        Promise.allSettled([...inFlight]).then(() => false),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(true), drainMs);
        }),
      ]);
      clearTimeout(timer);
      if (timedOut) {
        const failed = await ledger.failOpenRuns(`${reason}: the service stopped before the run finished`);
        for (const run of failed) logger.warn({ event: "run_interrupted", run_id: run.run_id, processor_name: run.processor_name, scope: run.scope }, "run failed by shutdown");
        for (const res of [...unanswered]) send(res, { status: 503, body: { status: "retry", reason } });
      }
      server.closeAllConnections();
      await closed;
      logger.info({ event: "server_stopped", role: options.role, reason, interrupted: timedOut }, `stopped ${options.role}`);
    })();
    return shuttingDown;
  };
  return { port, url: `http://${options.host === undefined || options.host === "0.0.0.0" ? "127.0.0.1" : options.host}:${port}`, shutdown };
}
