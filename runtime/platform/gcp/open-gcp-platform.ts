import { catalog } from "../../catalog/catalog";
import { RunLedger } from "../../monitoring/run-ledger";
import type { ClosablePlatform } from "../platform";
import { systemClock, type Clock } from "../ports/clock";
import { BigQueryWarehouse } from "./bigquery-warehouse";
import { FirestoreDocStore } from "./firestore-doc-store";
import { createGcpClients } from "./gcp-clients";
import { parseGcpEnvironment, type GcpEnvironment } from "./gcp-environment";
import { gcpLogger } from "./gcp-logger";
import { GcsObjectStore, NoBucketObjectStore } from "./gcs-object-store";
import { openAlertRouter } from "../../alerts/open-alert-router";
import { PubSubBus } from "./pubsub-bus";

/** The bucket scrapers write and raw processors read; the other catalog bucket (exports) has no port yet. */
const PAYLOAD_BUCKET = "raw-payloads";

/**
 * `gcp` (Slack, e-mail, Cloud Logging) for a role the stacks gave every channel secret (all roles
 * today); `gcp-log` (Cloud Logging only) for one given none, e.g. a test. A role given its secrets'
 * names without their values fails at start-up naming the missing variables, never falls back.
 */
function alertProfile(config: GcpEnvironment): "gcp" | "gcp-log" {
  return Object.keys(config.secrets).length > 0 ? "gcp" : "gcp-log";
}

/**
 * The platform on GCP, configured only from the environment the stacks set on each Cloud Run
 * service and job. A missing or malformed variable throws here, naming it, before any client
 * is made. Tables are the stacks' to create; nothing is created at start-up.
 */
export async function openGcpPlatform(env: Readonly<Record<string, string | undefined>>, options?: { readonly clock?: Clock }): Promise<ClosablePlatform> {
  const config = parseGcpEnvironment(env);
  const clients = createGcpClients(config);
  const clock = options?.clock ?? systemClock;
  const logger = gcpLogger({ project: config.project, labels: { component: config.component, env: config.env }, level: config.logLevel });
  const docStore = new FirestoreDocStore(clients.firestore, catalog.docCollections);
  const bus = new PubSubBus(clients.pubsub, catalog.topics);
  const bucket = config.buckets[PAYLOAD_BUCKET];
  const objectStore = bucket
    ? new GcsObjectStore(clients.storage, bucket)
    : new NoBucketObjectStore(`role ${config.component} has no ${PAYLOAD_BUCKET} bucket (NBA_PROPS_BUCKET_RAW_PAYLOADS is not set)`);
  const warehouse = new BigQueryWarehouse({ client: clients.bigquery, project: config.project, location: config.bigqueryLocation, logger });
  // Nothing to await: clients connect lazily on first use (readiness is probed by the server's /health/ready).
  return Promise.resolve({
    warehouse,
    docStore,
    bus,
    objectStore,
    // Alerts go through the persisted limiter and outbox (Firestore) like everywhere else; a
    // role given its channel secrets (values through secret_key_ref) alerts on Slack and e-mail,
    // and a send that exhausts its retries is also published to the alert dead-letter topic.
    notifier: openAlertRouter({ docStore, clock, logger, bus, profile: alertProfile(config), env, deadLetter: "bus" }),
    clock,
    logger,
    ledger: new RunLedger(docStore, clock, logger),
    close: async () => {
      await bus.close();
      await clients.firestore.terminate();
      logger.flush();
    },
  });
}
