import { catalog } from "../../runtime/catalog/catalog";
import type { ClosablePlatform } from "../../runtime/platform/platform";
import { openGcpPlatform } from "../../runtime/platform/gcp/open-gcp-platform";
import { startGcpTestEnv, type GcpTestEnv } from "../support/gcp-test-env";
import { busContract } from "./contract/bus.contract";
import { docStoreContract } from "./contract/doc-store.contract";
import { objectStoreContract } from "./contract/object-store.contract";
import { warehouseContract } from "./contract/warehouse.contract";

/**
 * The port contracts against the GCP adapters on the real clients, talking to the loopback test
 * servers: @firestore-emulator/server, the Pub/Sub gRPC test server, the BigQuery and Storage fakes.
 */
let testEnv: GcpTestEnv | undefined;
let platform: ClosablePlatform | undefined;
async function gcp(): Promise<ClosablePlatform> {
  if (!platform) {
    testEnv = await startGcpTestEnv({ tables: catalog.tables.slice(0, 1) });
    platform = await openGcpPlatform(testEnv.env);
  }
  return platform;
}
afterAll(async () => {
  await platform?.close();
  await testEnv?.stop();
});

warehouseContract("gcp (BigQuery fake)", async () => (await gcp()).warehouse);
docStoreContract("gcp (Firestore test server)", async () => (await gcp()).docStore);
objectStoreContract("gcp (Storage fake)", async () => (await gcp()).objectStore);
busContract("gcp (Pub/Sub test server)", async () => (await gcp()).bus);
