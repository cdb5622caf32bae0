import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { topics } from "../../runtime/catalog";
import { DirectoryObjectStore } from "../../runtime/platform/local/directory-object-store";
import { FileDocStore } from "../../runtime/platform/local/file-doc-store";
import { InProcessBus } from "../../runtime/platform/local/in-process-bus";

describe("local adapters", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "nba-props-adapters-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test("object store puts, gets and lists by prefix, and refuses paths that climb out", async () => {
    const store = new DirectoryObjectStore(dir);
    await store.put("nba-com/nbac_schedule/2024-25/a.json", "{}");
    await store.put("nba-com/nbac_player_boxscore/2025-03-15/b.json", "[]");
    expect((await store.get("nba-com/nbac_schedule/2024-25/a.json")).toString()).toBe("{}");
    expect(await store.list("nba-com/nbac_player_boxscore/")).toEqual(["nba-com/nbac_player_boxscore/2025-03-15/b.json"]);
    await expect(store.put("../escape.json", "x")).rejects.toThrow(/invalid path/);
  });

  test("doc store survives a reopen, updates shallowly and queries by field", async () => {
    const a = new FileDocStore(dir);
    await a.set("runs", "r1", { status: "running", rows: 0 });
    await a.update("runs", "r1", { status: "success", rows: 5 });
    await a.set("runs", "r2", { status: "failed", rows: 0 });
    const b = new FileDocStore(dir);
    expect(await b.get("runs", "r1")).toEqual({ status: "success", rows: 5 });
    expect((await b.query("runs", [{ field: "status", op: "==", value: "failed" }])).map((d) => d.id)).toEqual(["r2"]);
    await expect(b.update("runs", "missing", { x: 1 })).rejects.toThrow(/missing document/);
  });

  test("equality queries answer as a scan would, in insertion order, through every kind of write and a reopen", async () => {
    const store = new FileDocStore(dir);
    const ids = (docs: { id: string }[]): string[] => docs.map((d) => d.id);
    for (const [id, status] of [["r1", "running"], ["r2", "failed"], ["r3", "running"], ["r4", "success"]] as const) await store.set("runs", id, { status, processor: id === "r4" ? "b" : "a" });
    const running = () => store.query("runs", [{ field: "status", op: "==", value: "running" }]);
    // The first query builds the index; writes after it must keep it true.
    expect(ids(await running())).toEqual(["r1", "r3"]);
    await store.update("runs", "r1", { status: "success" });
    await store.set("runs", "r5", { status: "running", processor: "a" });
    await store.transaction((tx) => {
      tx.update("runs", "r2", { status: "running" });
      tx.set("runs", "r3", { status: "failed", processor: "a" });
      return Promise.resolve();
    });
    expect(ids(await running())).toEqual(["r2", "r5"]);
    expect(ids(await store.query("runs", [{ field: "status", op: "==", value: "success" }, { field: "processor", op: "==", value: "a" }]))).toEqual(["r1"]);
    expect(ids(await store.query("runs", [{ field: "status", op: "==", value: "unknown" }]))).toEqual([]);
    expect(ids(await store.query("runs", [{ field: "missing", op: "==", value: null }]))).toEqual([]);
    expect(ids(await new FileDocStore(dir).query("runs", [{ field: "status", op: "==", value: "running" }]))).toEqual(["r2", "r5"]);
  });

  test("a transaction that throws writes nothing; one that succeeds writes everything", async () => {
    const store = new FileDocStore(dir);
    await store.set("c", "x", { n: 1 });
    await expect(
      store.transaction(async (tx) => {
        tx.set("c", "y", { n: 2 });
        await Promise.resolve();
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await store.get("c", "y")).toBeNull();
    await store.transaction(async (tx) => {
      const x = await tx.get("c", "x");
      tx.update("c", "x", { n: Number(x?.n) + 1 });
      tx.set("c", "z", { n: 3 });
    });
    expect(await store.get("c", "x")).toEqual({ n: 2 });
    expect(await store.get("c", "z")).toEqual({ n: 3 });
  });

  test("doc store writes append to a journal (a write costs its own documents), fold into the snapshot, and a line cut short by a crash is dropped", async () => {
    const a = new FileDocStore(dir);
    for (let i = 0; i < 1500; i++) await a.set("runs", `r${i % 400}`, { n: i });
    // 1,500 writes of 400 documents: folded once past 1,000 journal lines, 500 lines since.
    expect(JSON.parse(readFileSync(join(dir, "runs.json"), "utf8"))).toMatchObject({ r0: { n: 800 } });
    expect(readFileSync(join(dir, "runs.journal.jsonl"), "utf8").trim().split("\n")).toHaveLength(499);
    appendFileSync(join(dir, "runs.journal.jsonl"), '{"r0":{"n":-1}');
    const b = new FileDocStore(dir);
    expect(await b.get("runs", "r0")).toEqual({ n: 1200 });
    expect(await b.get("runs", "r399")).toEqual({ n: 1199 });
    expect(await b.query("runs", [{ field: "n", op: ">=", value: 0 }])).toHaveLength(400);
  });

  test("a doc store collection larger than the journal minimum folds once the journal outgrows the documents (updates are not new documents)", async () => {
    const a = new FileDocStore(dir);
    for (let i = 0; i < 1200; i++) await a.set("runs", `r${i}`, { n: i });
    expect(existsSync(join(dir, "runs.json"))).toBe(false);
    await a.update("runs", "r0", { n: -1 });
    // 1,201 lines for 1,200 documents: folded.
    expect(existsSync(join(dir, "runs.journal.jsonl"))).toBe(false);
    expect(Object.keys(JSON.parse(readFileSync(join(dir, "runs.json"), "utf8")) as object)).toHaveLength(1200);
    const b = new FileDocStore(dir);
    await b.set("runs", "r1200", { n: 1200 });
    expect(readFileSync(join(dir, "runs.journal.jsonl"), "utf8").trim().split("\n")).toHaveLength(1);
    expect(await b.query("runs", [])).toHaveLength(1201);
    expect(await b.get("runs", "r0")).toEqual({ n: -1 });
  });

  test("bus retries a failing handler up to the catalog's attempt limit, then dead-letters", async () => {
    const waits: number[] = [];
    // Five attempts on the first topic's subscription, whatever the catalog sizes it to.
    const phase1 = { ...topics[0]!, subscriptions: topics[0]!.subscriptions.map((s) => ({ ...s, maxDeliveryAttempts: 5 })) };
    const bus = new InProcessBus({ topics: [phase1], backoffScale: 1, sleep: (ms) => (waits.push(ms), Promise.resolve()) });
    const sub = phase1.subscriptions[0]!;
    let attempts = 0;
    bus.subscribe(sub.name, () => {
      attempts += 1;
      return Promise.reject(new Error("transient outage"));
    });
    const deadSeen: unknown[] = [];
    bus.subscribe(`${phase1.name}-dlq--${phase1.deadLetterConsumer}`, (d) => {
      deadSeen.push(d.body);
      return Promise.resolve({ kind: "ack" });
    });
    await bus.publish(phase1.name, { hello: 1 });
    expect(attempts).toBe(sub.maxDeliveryAttempts);
    // Doubling from the minimum backoff, capped at the maximum, before each attempt after the first.
    const { minimumBackoffSeconds: min, maximumBackoffSeconds: max } = sub.retry;
    expect(waits).toEqual(Array.from({ length: sub.maxDeliveryAttempts - 1 }, (_, k) => Math.min(min * 2 ** k, max) * 1000));
    expect(waits.slice(0, 4)).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(bus.deadLetters).toHaveLength(1);
    expect(bus.deadLetters[0]).toMatchObject({ attempts: sub.maxDeliveryAttempts, reason: "transient outage", body: { hello: 1 } });
    expect(deadSeen).toHaveLength(1);
  });

  test("bus does not retry an acknowledged message and rejects unknown topics", async () => {
    const bus = new InProcessBus({ topics });
    let calls = 0;
    bus.subscribe(topics[0]!.subscriptions[0]!.name, () => {
      calls += 1;
      return Promise.resolve({ kind: "ack" });
    });
    await bus.publish(topics[0]!.name, {});
    expect(calls).toBe(1);
    expect(bus.deadLetters).toHaveLength(0);
    await expect(bus.publish("nba-no-such-topic", {})).rejects.toThrow(/no topic/);
  });
});
