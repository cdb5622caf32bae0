import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { fileLogger } from "../../runtime/monitoring/logger";
import { RUNS_COLLECTION } from "../../runtime/monitoring/run-ledger";
import { ownedHere, ownerIsGone } from "../../runtime/monitoring/run-owner";
import { openTestPlatform, type TestPlatform } from "../support/test-platform";
import { useTempDir } from "../support/temp-dir";

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "0"]);
  if (child.pid === undefined) throw new Error("could not start a process");
  return child.pid;
}

describe("runs left running by a process that has gone", () => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await openTestPlatform();
  });
  afterEach(() => platform.warehouse.close());

  const start = (scope: string) => platform.ledger.start({ processorName: "nbac_schedule", phase: "phase_2_raw", scope, gameDate: "2025-03-15", sourceKind: "sim" });
  const owned = async (id: string, owner: Record<string, unknown>) => {
    const doc = await platform.docStore.get(RUNS_COLLECTION, id);
    await platform.docStore.set(RUNS_COLLECTION, id, { ...doc, ...owner });
  };

  test("a run records the process and host that own it", async () => {
    const run = await start("a");
    expect(run).toMatchObject({ status: "running", owner_pid: process.pid, owner_host: hostname(), source_kind: "sim" });
    expect(ownedHere(run)).toBe(true);
    expect(ownerIsGone(run)).toBe(false);
  });

  test("on start, runs of a dead owner are closed as failed (abandoned); live, own and other hosts' runs are left alone", async () => {
    const dead = await start("dead");
    const legacy = await start("legacy");
    const mine = await start("mine");
    const elsewhere = await start("elsewhere");
    await owned(dead.run_id, { owner_pid: deadPid() });
    await owned(legacy.run_id, { owner_pid: null, owner_host: null });
    await owned(elsewhere.run_id, { owner_pid: 1, owner_host: "another-host" });
    const closed = await platform.ledger.closeRunning("abandoned", (r) => ownerIsGone(r), () => "owner gone");
    expect(closed.map((r) => r.scope).sort()).toEqual(["dead", "legacy"]);
    expect(closed.every((r) => r.status === "failed" && r.error_type === "abandoned" && r.finished_at !== null)).toBe(true);
    expect((await platform.ledger.running()).map((r) => r.scope).sort()).toEqual(["elsewhere", "mine"]);
    expect(mine.owner_pid).toBe(process.pid);
  });

  test("an interrupted process closes its own unfinished runs as failed (interrupted)", async () => {
    await start("in-hand");
    const closed = await platform.ledger.closeRunning("interrupted", (r) => ownedHere(r), () => "stopped by SIGINT");
    expect(closed).toMatchObject([{ scope: "in-hand", status: "failed", error_type: "interrupted", error_message: "stopped by SIGINT" }]);
    expect(await platform.ledger.running()).toEqual([]);
  });
});

describe("the log file rotates by size", () => {
  const tmp = useTempDir("log");

  test("past the limit the file moves to .1, .2, and no more than `keep` old files remain", () => {
    const file = join(tmp(), "nba-props.log");
    const logger = fileLogger(file, "info", { maxBytes: 2_000, keep: 2 });
    for (let i = 0; i < 60; i++) logger.info({ i }, "a run event of about one hundred bytes");
    logger.flush();
    const files = readdirSync(tmp()).sort();
    expect(files).toEqual(["nba-props.log", "nba-props.log.1", "nba-props.log.2"]);
    for (const f of files) expect(statSync(join(tmp(), f)).size).toBeLessThanOrEqual(2_000);
  });

  test("a file already past the limit is rotated when the next logger opens it", () => {
    const file = join(tmp(), "again.log");
    const first = fileLogger(file, "info", { maxBytes: 1_000_000, keep: 1 });
    for (let i = 0; i < 10; i++) first.info({ i }, "x".repeat(100));
    first.flush();
    const second = fileLogger(file, "info", { maxBytes: 500, keep: 1 });
    second.info("fresh");
    second.flush();
    expect(readdirSync(tmp()).filter((f) => f.startsWith("again.log")).sort()).toEqual(["again.log", "again.log.1"]);
    expect(statSync(file).size).toBeLessThan(200);
  });
});
