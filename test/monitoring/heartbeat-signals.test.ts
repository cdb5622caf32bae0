import { spawn } from "node:child_process";
import { join } from "node:path";
import { FileDocStore } from "../../runtime/platform/local/file-doc-store";
import { HEARTBEATS_COLLECTION, heartbeatId } from "../../runtime/monitoring/heartbeat-document";
import { useTempDir } from "../support/temp-dir";

const ROOT = join(__dirname, "..", "..");
const ID = heartbeatId("phase_3_analytics", "player_game_summary", "2025-03-15");

/** A process with a long run beating every second into a file document store at argv[1]. */
const CHILD = `
const { FileDocStore } = require("./runtime/platform/local/file-doc-store.ts");
const { Heartbeat } = require("./runtime/monitoring/heartbeat.ts");
const { realTimer } = require("./runtime/monitoring/heartbeat-timer.ts");
const { systemClock } = require("./runtime/platform/ports/clock.ts");
const { silentLogger } = require("./runtime/monitoring/logger.ts");
const beat = Heartbeat.start(
  { store: new FileDocStore(process.argv[1]), clock: systemClock, logger: silentLogger(), settings: { intervalSeconds: 1, timer: realTimer } },
  { phase: "phase_3_analytics", processorName: "player_game_summary", scope: "2025-03-15", runId: "run-signal", startedAt: new Date().toISOString(), stallLimitSeconds: 600 },
);
beat.report("work", 1, 2);
setInterval(() => undefined, 1000);
`;

/** The heartbeat as another process finds it on disk (a fresh store reads the files, snapshot and journal). */
function heartbeatIn(dir: string): Promise<Record<string, unknown> | null> {
  return new FileDocStore(dir).get(HEARTBEATS_COLLECTION, ID);
}

async function stopWith(signal: NodeJS.Signals, dir: string): Promise<{ signal: NodeJS.Signals | null; code: number | null }> {
  const child = spawn(process.execPath, ["--require", "tsx/cjs", "-e", CHILD, dir], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ signal: NodeJS.Signals | null; code: number | null }>((resolve) => child.on("exit", (code, sig) => resolve({ code, signal: sig })));
  for (let i = 0; i < 200 && (await heartbeatIn(dir))?.status !== "running"; i++) await new Promise((r) => setTimeout(r, 50));
  expect(await heartbeatIn(dir)).toMatchObject({ status: "running", run_id: "run-signal" });
  child.kill(signal);
  const result = await exited;
  expect(stderr).toBe("");
  return result;
}

describe("a stopping process writes its runs' terminal state", () => {
  const dir = useTempDir("heartbeat-signals");

  test.each(["SIGTERM", "SIGINT"] as const)("%s: the heartbeat ends failed, then the process stops by the signal", async (signal) => {
    const docs = join(dir(), signal);
    const result = await stopWith(signal, docs);
    expect(result).toEqual({ code: null, signal });
    expect(await heartbeatIn(docs)).toMatchObject({ status: "failed", error_type: signal, run_id: "run-signal", progress: { stage: "work", done: 1, total: 2 } });
  });
});
