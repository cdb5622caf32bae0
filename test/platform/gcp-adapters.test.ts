import { Firestore, Timestamp } from "@google-cloud/firestore";
import { catalog } from "../../runtime/catalog/catalog";
import { gcpLogger, traceFields } from "../../runtime/platform/gcp/gcp-logger";
import { openGcpPlatform } from "../../runtime/platform/gcp/open-gcp-platform";
import type { ClosablePlatform } from "../../runtime/platform/platform";
import { RUNS_COLLECTION } from "../../runtime/monitoring/run-ledger";
import { startGcpTestEnv, type GcpTestEnv } from "../support/gcp-test-env";

describe("GCP adapters beyond the port contracts", () => {
  let testEnv: GcpTestEnv;
  let platform: ClosablePlatform;
  beforeAll(async () => {
    testEnv = await startGcpTestEnv({ tables: [] });
    platform = await openGcpPlatform(testEnv.env);
  });
  afterAll(async () => {
    await platform.close();
    await testEnv.stop();
  });

  test("TTL fields are stored as Firestore Timestamps, so the stacks' TTL policies can delete them", async () => {
    const run = await platform.ledger.start({ processorName: "nbac_schedule", phase: "phase_2_raw", scope: "2024-25", gameDate: "2025-03-15", sourceKind: "replay" });
    await platform.docStore.set("quarantine", "q1", { reason: "x", expire_at: "2025-04-15T10:00:00.000Z" });
    const raw = new Firestore({ projectId: testEnv.project, host: testEnv.env.FIRESTORE_EMULATOR_HOST, ssl: false });
    try {
      const stored = (await raw.collection(RUNS_COLLECTION).doc(run.run_id).get()).data();
      expect(stored?.expire_at).toBeInstanceOf(Timestamp);
      expect((stored?.expire_at as Timestamp).toDate().toISOString()).toBe(run.expire_at);
      expect(typeof stored?.started_at).toBe("string");
      expect((await raw.collection("quarantine").doc("q1").get()).data()?.expire_at).toBeInstanceOf(Timestamp);
    } finally {
      await raw.terminate();
    }
  });

  test("a published message carries its JSON body and envelope attributes", async () => {
    const topic = catalog.topics[0]!.name;
    const body = { processor_name: "nbac_schedule", phase: "phase_2_raw", game_date: "2025-03-15", status: "success", record_count: 3 };
    const id = await platform.bus.publish(topic, body);
    const sent = testEnv.pubsub.published.find((m) => m.messageId === id);
    expect(sent).toMatchObject({ topic, json: body, attributes: { processor_name: "nbac_schedule", phase: "phase_2_raw", game_date: "2025-03-15", status: "success" } });
  });

  test("the object store names objects gs://bucket/path", () => {
    expect(platform.objectStore.uri("nba-com/x/2025-03-15/a.json")).toBe(`gs://${testEnv.bucket}/nba-com/x/2025-03-15/a.json`);
  });
});

describe("the Cloud Logging logger", () => {
  test("writes one JSON line per event with severity, message, labels and trace", () => {
    const lines: string[] = [];
    const logger = gcpLogger({ project: "nba-props-dev", labels: { component: "raw-processors", env: "dev" }, destination: { write: (l: string) => lines.push(l) } });
    logger.child(traceFields("nba-props-dev", "0af7651916cd43dd8448eb211c80319c/12;o=1")).warn({ event: "write_postponed", table: "nba_raw.x" }, "postponed");
    logger.error("boom");
    expect(lines).toHaveLength(2);
    const [first, second] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(first).toMatchObject({
      severity: "WARNING",
      message: "postponed",
      event: "write_postponed",
      "logging.googleapis.com/labels": { component: "raw-processors", env: "dev" },
      "logging.googleapis.com/trace": "projects/nba-props-dev/traces/0af7651916cd43dd8448eb211c80319c",
      "logging.googleapis.com/spanId": "000000000000000c",
      "logging.googleapis.com/trace_sampled": true,
    });
    expect(typeof first!.timestamp).toBe("string");
    expect(second).toMatchObject({ severity: "ERROR", message: "boom" });
    expect(traceFields("p", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")).toEqual({
      "logging.googleapis.com/trace": "projects/p/traces/0af7651916cd43dd8448eb211c80319c",
      "logging.googleapis.com/spanId": "b7ad6b7169203331",
      "logging.googleapis.com/trace_sampled": true,
    });
    expect(traceFields("p", undefined)).toEqual({});
  });
});
