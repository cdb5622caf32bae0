import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { drills } from "../../runtime/drills";
import type { DrillResult } from "../../runtime/drills/drill";
import { runCliCaptured } from "../support/cli";

// The drills write the limiter state once per alert; a memory-backed dir keeps 1,000 writes fast.
const base = existsSync("/dev/shm") ? "/dev/shm" : tmpdir();

async function runDrill(name: string): Promise<DrillResult & Record<string, unknown>> {
  const drill = drills.find((d) => d.name === name);
  if (!drill) throw new Error(`drill ${name} is not registered`);
  const workDir = mkdtempSync(join(base, `nba-props-test-${name}-`));
  try {
    return (await drill.run({ workDir }));
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

describe("alert drills on the embedded adapters with a simulated clock", () => {
  test("nba-props drill --help lists the three alert drills", async () => {
    const { code, stdout } = await runCliCaptured(["drill", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ {2}alert-flood +1,000 identical failures in an hour/m);
    expect(stdout).toMatch(/^ {2}alert-restart +the process restarts in the middle of a flood/m);
    expect(stdout).toMatch(/^ {2}channel-down +the webhook answers 500 for an hour, then recovers/m);
  });

  test("alert-flood: 1,000 identical failures in an hour are at most 3 messages, the summaries state the count, none lost", async () => {
    const result = await runDrill("alert-flood");
    expect(result).toMatchObject({ drill: "alert-flood", passed: true, raised: 1000, dead_lettered: 0, lost: 0, duplicates: 0 });
    expect(result.delivered).toBeLessThanOrEqual(3);
    expect(result.summary_counts).toEqual([500, 499]);
  });

  test("alert-restart: a restart in the middle of the flood does not reset the limiter", async () => {
    const result = await runDrill("alert-restart");
    expect(result).toMatchObject({ drill: "alert-restart", passed: true, raised: 1000, lost: 0, firsts_after_restart: 0, delivered_before_restart: 1 });
    expect(result.delivered).toBeLessThanOrEqual(3);
  });

  test("channel-down: an hour of HTTP 500 dead-letters the alerts, then replay delivers each exactly once", async () => {
    const result = await runDrill("channel-down");
    expect(result).toMatchObject({ drill: "channel-down", passed: true, raised: 1100, lost: 0, duplicates: 0, still_dead_lettered: 0, second_replay: 0 });
    // Per key: the first occurrence and the threshold summary of 500 dead-letter during the outage.
    expect(result.dead_lettered).toBe(2 * (1 + 500));
    expect(result.replayed).toBe(4);
    expect(result.replay_delivered).toBe(4);
    expect(result.summary_counts).toEqual(expect.arrayContaining([500, 500, 49, 49]));
  });
});
