import { buildPushEnvelope } from "../../runtime/messages/push-envelope";
import { RunLedger } from "../../runtime/monitoring/run-ledger";
import { startRoleServer, type RoleServer, type RoleServerOptions } from "../../runtime/serve/role-server";
import { capturedLogger } from "./captured-logger";
import { openTestPlatform, type TestPlatform } from "./test-platform";

export interface ServedRole {
  readonly platform: TestPlatform;
  readonly events: Record<string, unknown>[];
  readonly server: RoleServer;
  /** POSTs a Pub/Sub push envelope carrying `body` to `path`. */
  push(path: string, body: unknown, options?: { subscription?: string; messageId?: string; attributes?: Record<string, string> }): Promise<{ status: number; json: Record<string, unknown> }>;
  post(path: string, body: string, headers?: Record<string, string>): Promise<{ status: number; json: Record<string, unknown> }>;
  stop(): Promise<void>;
}

/** A role's server on loopback, on the local adapters (temp dir, in-memory warehouse), logging into memory. */
export async function serveRole(role: string, options: Partial<RoleServerOptions> & { platform?: TestPlatform } = {}): Promise<ServedRole> {
  const base = options.platform ?? (await openTestPlatform());
  const { logger, events } = capturedLogger();
  const platform: TestPlatform = { ...base, logger, ledger: new RunLedger(base.docStore, base.clock, logger) };
  const server = await startRoleServer(platform, { ...options, role, port: 0, host: "127.0.0.1" });
  let sequence = 0;
  const post = async (path: string, body: string, headers: Record<string, string> = { "content-type": "application/json" }) => {
    const response = await fetch(`${server.url}${path}`, { method: "POST", headers, body });
    const text = await response.text();
    return { status: response.status, json: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
  };
  return {
    platform,
    events,
    server,
    post,
    push: (path, body, o = {}) => {
      sequence += 1;
      const envelope = buildPushEnvelope(body, {
        messageId: o.messageId ?? `m-${sequence}`,
        subscription: `projects/nba-props-test/subscriptions/${o.subscription ?? "test-subscription"}`,
        deliveryAttempt: 1,
        ...(o.attributes ? { attributes: o.attributes } : {}),
      });
      return post(path, JSON.stringify(envelope));
    },
    stop: async () => {
      await server.shutdown("test finished");
      await platform.warehouse.close();
    },
  };
}
