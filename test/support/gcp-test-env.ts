import { catalog } from "../../runtime/catalog/catalog";
import { ALERT_DEAD_LETTER_TOPIC, deadLetterTopicName } from "../../runtime/catalog/topics";
import type { TableSpec } from "../../runtime/catalog/types";
import { startBigQueryFake, type BigQueryFake } from "./bigquery-fake";
import { startFirestoreTestServer, type FirestoreTestServer } from "./firestore-test-server";
import { startPubSubTestServer, type PubSubTestServer } from "./pubsub-test-server";
import { startStorageFake, type StorageFake } from "./storage-fake";

export const TEST_PROJECT = "nba-props-test";

export interface GcpTestEnv {
  /** The environment record for openGcpPlatform, as the stacks would set it, pointed at the test servers. */
  readonly env: Readonly<Record<string, string>>;
  readonly project: string;
  /** The raw-payloads bucket name (store payloads with `storage.seed(bucket, path, body)`). */
  readonly bucket: string;
  readonly bigquery: BigQueryFake;
  readonly storage: StorageFake;
  readonly pubsub: PubSubTestServer;
  readonly firestore: FirestoreTestServer;
  stop(): Promise<void>;
}

export interface GcpTestEnvOptions {
  /** The role (NBA_PROPS_COMPONENT); raw-processors by default. */
  readonly component?: string;
  /** Tables created in the BigQuery fake before the platform opens (the stacks' job); the whole catalog by default. */
  readonly tables?: readonly TableSpec[];
}

/**
 * All four GCP test servers on loopback, with the catalog's topics and tables created as the
 * stacks create them, and the environment record that points openGcpPlatform at them.
 */
export async function startGcpTestEnv(options: GcpTestEnvOptions = {}): Promise<GcpTestEnv> {
  // No test may reach for the GCE metadata server: nothing answers there, and looking costs seconds.
  process.env.METADATA_SERVER_DETECTION ??= "none";
  const [bigquery, storage, pubsub, firestore] = await Promise.all([startBigQueryFake(TEST_PROJECT), startStorageFake(), startPubSubTestServer(), startFirestoreTestServer()]);
  pubsub.createTopics(TEST_PROJECT, [...catalog.topics.flatMap((t) => [t.name, deadLetterTopicName(t.name)]), ALERT_DEAD_LETTER_TOPIC]);
  await bigquery.createTables(options.tables ?? catalog.tables);
  const bucket = `${TEST_PROJECT}-raw-payloads`;
  const env: Record<string, string> = {
    NBA_PROPS_COMPONENT: options.component ?? "raw-processors",
    NBA_PROPS_ENV: "dev",
    NBA_PROPS_BACKEND: "gcp",
    GOOGLE_CLOUD_PROJECT: TEST_PROJECT,
    NBA_PROPS_REGION: "us-west2",
    NBA_PROPS_BIGQUERY_LOCATION: "us-west2",
    NBA_PROPS_BUCKET_RAW_PAYLOADS: bucket,
    NBA_PROPS_LOG_LEVEL: "silent",
    FIRESTORE_EMULATOR_HOST: firestore.host,
    PUBSUB_EMULATOR_HOST: pubsub.host,
    BIGQUERY_API_ENDPOINT: bigquery.url,
    STORAGE_API_ENDPOINT: storage.url,
  };
  return {
    env,
    project: TEST_PROJECT,
    bucket,
    bigquery,
    storage,
    pubsub,
    firestore,
    stop: async () => {
      firestore.stop();
      await Promise.all([bigquery.stop(), storage.stop(), pubsub.stop()]);
    },
  };
}
