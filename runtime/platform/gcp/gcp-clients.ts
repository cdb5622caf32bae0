import { BigQuery } from "@google-cloud/bigquery";
import { Firestore } from "@google-cloud/firestore";
import { PubSub } from "@google-cloud/pubsub";
import { Storage, type StorageOptions } from "@google-cloud/storage";
import { OAuth2Client } from "google-auth-library";
import type { GcpEnvironment } from "./gcp-environment";

/**
 * A token that never expires, for endpoint overrides (test servers, local fakes): the clients
 * then never look for application-default credentials or the metadata server.
 */
function staticTokenClient(): OAuth2Client {
  const client = new OAuth2Client();
  client.setCredentials({ access_token: "endpoint-override", expiry_date: Date.now() + 10 * 365 * 86_400_000 });
  return client;
}

export interface GcpClients {
  readonly bigquery: BigQuery;
  readonly firestore: Firestore;
  readonly pubsub: PubSub;
  readonly storage: Storage;
}

/** One client per service, honouring the emulator hosts and endpoint overrides in the environment. */
export function createGcpClients(env: GcpEnvironment): GcpClients {
  const projectId = env.project;
  const bigquery = new BigQuery({
    projectId,
    location: env.bigqueryLocation,
    // Retries belong to Pub/Sub redelivery: a failed request surfaces at once with its class.
    autoRetry: false,
    ...(env.bigqueryApiEndpoint ? { apiEndpoint: env.bigqueryApiEndpoint, authClient: staticTokenClient() } : {}),
  });
  const firestore = new Firestore({
    projectId,
    ignoreUndefinedProperties: true,
    ...(env.firestoreEmulatorHost ? { host: env.firestoreEmulatorHost, ssl: false } : {}),
  });
  const pubsub = new PubSub({ projectId, ...(env.pubsubEmulatorHost ? { apiEndpoint: env.pubsubEmulatorHost, emulatorMode: true } : {}) });
  const storageOptions: StorageOptions = {
    projectId,
    retryOptions: { autoRetry: false },
    ...(env.storageApiEndpoint
      ? {
          apiEndpoint: env.storageApiEndpoint,
          useAuthWithCustomEndpoint: true,
          // The storage client pins an older google-auth-library; the OAuth2Client API it calls is the same.
          authClient: staticTokenClient() as unknown as StorageOptions["authClient"],
        }
      : {}),
  };
  return { bigquery, firestore, pubsub, storage: new Storage(storageOptions) };
}
