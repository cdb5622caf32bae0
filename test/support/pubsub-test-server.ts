import { randomUUID } from "node:crypto";
import { dirname, join } from "node:path";
import { Server, ServerCredentials, status, type GrpcObject, type ServiceClientConstructor, type ServerUnaryCall, type sendUnaryData, loadPackageDefinition } from "@grpc/grpc-js";
import { loadSync } from "@grpc/proto-loader";

export interface PublishedMessage {
  readonly topic: string;
  readonly messageId: string;
  readonly data: Buffer;
  readonly attributes: Readonly<Record<string, string>>;
  /** The data decoded as JSON (every runtime message is JSON). */
  readonly json: unknown;
}

export interface PubSubTestServer {
  /** PUBSUB_EMULATOR_HOST for the client: 127.0.0.1:<port>. */
  readonly host: string;
  readonly published: readonly PublishedMessage[];
  /** Creates topics directly (the stacks' job in a real project). */
  createTopics(project: string, names: readonly string[]): void;
  stop(): Promise<void>;
}

interface ProtoMessage {
  readonly data?: Buffer;
  readonly attributes?: Record<string, string>;
}

interface StoredMessage {
  readonly messageId: string;
  readonly data: Buffer;
  readonly attributes: Record<string, string>;
  readonly publishTime: { readonly seconds: string; readonly nanos: number };
}

interface Subscription {
  readonly name: string;
  readonly topic: string;
  readonly backlog: { ackId: string; message: StoredMessage; attempts: number }[];
}

/** Both packages keep their protos beside build/src (their entry points). */
const PUBSUB_PROTOS = join(dirname(require.resolve("@google-cloud/pubsub")), "..", "protos");
const GAX_PROTOS = join(dirname(require.resolve("google-gax")), "..", "protos");

function service(root: GrpcObject, name: string): ServiceClientConstructor {
  const pkg = ((root.google as GrpcObject).pubsub as GrpcObject).v1 as GrpcObject;
  return pkg[name] as ServiceClientConstructor;
}

type Handler<Req, Res> = (call: ServerUnaryCall<Req, Res>, callback: sendUnaryData<Res>) => void;

function fail(callback: sendUnaryData<never>, code: status, details: string): void {
  callback({ code, details, name: "PubSubTestServerError", message: details });
}

/**
 * A Pub/Sub server for tests, built from the protos shipped in @google-cloud/pubsub: enough of
 * Publisher (CreateTopic, GetTopic, Publish) and Subscriber (CreateSubscription, Pull,
 * Acknowledge) for the real client. Publishing to a missing topic answers NOT_FOUND.
 */
export async function startPubSubTestServer(): Promise<PubSubTestServer> {
  const definition = loadSync(join(PUBSUB_PROTOS, "google/pubsub/v1/pubsub.proto"), {
    includeDirs: [PUBSUB_PROTOS, GAX_PROTOS],
    keepCase: false,
    longs: String,
    enums: String,
    defaults: true,
    oneofs: true,
  });
  const root = loadPackageDefinition(definition);
  const topics = new Set<string>();
  const subscriptions = new Map<string, Subscription>();
  const published: PublishedMessage[] = [];

  const createTopic: Handler<{ name: string }, { name: string }> = (call, callback) => {
    if (topics.has(call.request.name)) return fail(callback, status.ALREADY_EXISTS, `Topic already exists: ${call.request.name}`);
    topics.add(call.request.name);
    callback(null, { name: call.request.name });
  };
  const getTopic: Handler<{ topic: string }, { name: string }> = (call, callback) => {
    if (!topics.has(call.request.topic)) return fail(callback, status.NOT_FOUND, `Resource not found (resource=${call.request.topic}).`);
    callback(null, { name: call.request.topic });
  };
  const publish: Handler<{ topic: string; messages: ProtoMessage[] }, { messageIds: string[] }> = (call, callback) => {
    const topic = call.request.topic;
    if (!topics.has(topic)) return fail(callback, status.NOT_FOUND, `Resource not found (resource=${topic}).`);
    const now = Date.now();
    const ids = call.request.messages.map((m) => {
      const message: StoredMessage = {
        messageId: randomUUID(),
        data: Buffer.from(m.data ?? Buffer.alloc(0)),
        attributes: { ...(m.attributes ?? {}) },
        publishTime: { seconds: String(Math.floor(now / 1000)), nanos: (now % 1000) * 1e6 },
      };
      let json: unknown = null;
      try {
        json = JSON.parse(message.data.toString("utf8"));
      } catch (err) {
        // Not every test message is JSON; keep the raw bytes and say why json is absent.
        json = { not_json: err instanceof Error ? err.message : String(err) };
      }
      published.push({ topic: topic.split("/").pop() ?? topic, messageId: message.messageId, data: message.data, attributes: message.attributes, json });
      for (const sub of subscriptions.values()) if (sub.topic === topic) sub.backlog.push({ ackId: randomUUID(), message, attempts: 0 });
      return message.messageId;
    });
    callback(null, { messageIds: ids });
  };
  const createSubscription: Handler<{ name: string; topic: string }, { name: string; topic: string }> = (call, callback) => {
    const { name, topic } = call.request;
    if (!topics.has(topic)) return fail(callback, status.NOT_FOUND, `Resource not found (resource=${topic}).`);
    if (subscriptions.has(name)) return fail(callback, status.ALREADY_EXISTS, `Subscription already exists: ${name}`);
    subscriptions.set(name, { name, topic, backlog: [] });
    callback(null, { name, topic });
  };
  const pull: Handler<{ subscription: string; maxMessages: number }, { receivedMessages: unknown[] }> = (call, callback) => {
    const sub = subscriptions.get(call.request.subscription);
    if (!sub) return fail(callback, status.NOT_FOUND, `Resource not found (resource=${call.request.subscription}).`);
    const batch = sub.backlog.slice(0, call.request.maxMessages || 100);
    for (const entry of batch) entry.attempts += 1;
    callback(null, { receivedMessages: batch.map((e) => ({ ackId: e.ackId, message: e.message, deliveryAttempt: e.attempts })) });
  };
  const acknowledge: Handler<{ subscription: string; ackIds: string[] }, Record<string, never>> = (call, callback) => {
    const sub = subscriptions.get(call.request.subscription);
    if (!sub) return fail(callback, status.NOT_FOUND, `Resource not found (resource=${call.request.subscription}).`);
    const acked = new Set(call.request.ackIds);
    sub.backlog.splice(0, sub.backlog.length, ...sub.backlog.filter((e) => !acked.has(e.ackId)));
    callback(null, {});
  };

  const server = new Server();
  server.addService(service(root, "Publisher").service, { createTopic, getTopic, publish });
  server.addService(service(root, "Subscriber").service, { createSubscription, pull, acknowledge });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", ServerCredentials.createInsecure(), (err, bound) => (err ? reject(err) : resolve(bound))),
  );
  return {
    host: `127.0.0.1:${port}`,
    published,
    createTopics: (project, names) => {
      for (const name of names) topics.add(`projects/${project}/topics/${name}`);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.tryShutdown(() => resolve());
        setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, 500).unref();
      }),
  };
}
