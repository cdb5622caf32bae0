import { PubSub } from "@google-cloud/pubsub";
import { catalog } from "../../runtime/catalog/catalog";
import { deadLetterTopicName } from "../../runtime/catalog/topics";
import type { ClosablePlatform } from "../../runtime/platform/platform";
import { openGcpPlatform } from "../../runtime/platform/gcp/open-gcp-platform";
import { startGcpTestEnv, TEST_PROJECT, type GcpTestEnv } from "../support/gcp-test-env";
import { busContract } from "./contract/bus.contract";
import { docStoreContract } from "./contract/doc-store.contract";

/**
 * The Bus and DocStore contracts against Google's own emulators (`gcloud beta emulators pubsub`,
 * `gcloud emulators firestore`), which are not in the registries: CI runs them against the
 * loopback test servers (contract-gcp.test.ts) and lists this suite as skipped, by name.
 * `npm run test:google-emulators` starts both emulators and runs it.
 */
const pubsubHost = process.env.NBA_PROPS_GOOGLE_PUBSUB_EMULATOR;
const firestoreHost = process.env.NBA_PROPS_GOOGLE_FIRESTORE_EMULATOR;

const NOT_RUN = "Google's Pub/Sub and Firestore emulators: not started here (npm run test:google-emulators runs this suite against them)";

if (!pubsubHost || !firestoreHost) {
  // Reported by name in the CI log too, not only as a skipped count.
  process.stderr.write(`skipped: ${NOT_RUN}\n`);
  test.skip(NOT_RUN, () => undefined);
} else {
  let testEnv: GcpTestEnv | undefined;
  let platform: ClosablePlatform | undefined;
  const open = async (): Promise<ClosablePlatform> => {
    if (!platform) {
      testEnv = await startGcpTestEnv({ tables: catalog.tables.slice(0, 1) });
      // The stacks create the topics; against a fresh emulator this suite does.
      const admin = new PubSub({ projectId: TEST_PROJECT, apiEndpoint: pubsubHost, emulatorMode: true });
      for (const name of catalog.topics.flatMap((t) => [t.name, deadLetterTopicName(t.name)])) {
        const [exists] = await admin.topic(name).exists();
        if (!exists) await admin.createTopic(name);
      }
      await admin.close();
      platform = await openGcpPlatform({ ...testEnv.env, PUBSUB_EMULATOR_HOST: pubsubHost, FIRESTORE_EMULATOR_HOST: firestoreHost });
    }
    return platform;
  };
  afterAll(async () => {
    await platform?.close();
    await testEnv?.stop();
  });
  docStoreContract(`gcp (Google's Firestore emulator at ${firestoreHost})`, async () => (await open()).docStore);
  busContract(`gcp (Google's Pub/Sub emulator at ${pubsubHost})`, async () => (await open()).bus);
}
