// Heartbeat at the default interval on a simulated clock, embedded adapters. Prints JSON: how long
// after a run's last beat (dead) or last progress (stalled) the every-minute sweeper catches it, over
// hang moments spread across a minute, and how many heartbeat writes one hour of a run costs.
// Usage: npm run bench -- heartbeat
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { heartbeats, never, openDrillEnv, processorSpec, secondsBetween, sweepEveryMinute, untilRunsStarted, runDrillProcessor } from "../runtime/drills/heartbeat/drill-env";
import { HEARTBEATS_COLLECTION } from "../runtime/monitoring/heartbeat-document";
import { DEFAULT_HEARTBEAT_INTERVAL_SECONDS } from "../runtime/monitoring/heartbeat-settings";
import { deadAfterSeconds } from "../runtime/monitoring/stuck-detector";

/** Runs start at these seconds past the sweeper's minute, so beats and sweeps meet at every phase. */
const START_OFFSETS_SECONDS = Array.from({ length: 12 }, (_, i) => i * 5);
/** Each run hangs (or stops progressing) this long after it starts. */
const HANG_AFTER_SECONDS = 40;

function stats(values: readonly number[]): { min: number; median: number; max: number; samples: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0] ?? NaN, median: sorted[Math.floor(sorted.length / 2)] ?? NaN, max: sorted.at(-1) ?? NaN, samples: sorted.length };
}

/** A run started `offset` s past a minute whose loop hangs (dead) or whose progress stops (stalled) 40 s in. */
async function detection(root: string, kind: "dead" | "stalled", offsetSeconds: number): Promise<number> {
  const env = await openDrillEnv(join(root, `${kind}-${offsetSeconds}`));
  try {
    await env.time.advance(offsetSeconds * 1000);
    void runDrillProcessor(env.platform, "player_game_summary", {
      work: async (progress) => {
        progress.report("extract", 0, 2);
        await env.time.sleep(HANG_AFTER_SECONDS * 1000);
        progress.report("extract", 1, 2);
        if (kind === "dead") env.time.freeze();
        return never();
      },
    });
    await untilRunsStarted(env, 1);
    await env.time.advance(HANG_AFTER_SECONDS * 1000);
    const outcome = await sweepEveryMinute(env, 30, (o) => o.flaggedAt.size > 0);
    const [beat] = await heartbeats(env);
    const flagged = [...outcome.flaggedAt.values()][0];
    if (!beat || !flagged) throw new Error(`${kind} run at ${offsetSeconds} s was never caught`);
    return secondsBetween(kind === "dead" ? beat.doc.last_beat_at : beat.doc.last_progress_at, flagged);
  } finally {
    await env.platform.close();
  }
}

/** One hour of a run that keeps making progress: every write its heartbeat document gets. */
async function writesPerRunHour(root: string): Promise<{ writes: number; maxPerSecond: number }> {
  const env = await openDrillEnv(join(root, "hour"));
  try {
    let done = false;
    void runDrillProcessor(env.platform, "player_game_summary", {
      work: async (progress) => {
        for (let minute = 0; minute < 60; minute++) {
          progress.report("transform", minute, 60);
          await env.time.sleep(60_000);
        }
        return { rows: [], quarantined: [], emptyReason: "no_games_scheduled" };
      },
    }).then(() => (done = true));
    await untilRunsStarted(env, 1);
    while (!done) await env.time.advance(10_000);
    const times = env.store.writesTo(HEARTBEATS_COLLECTION).map((w) => Math.floor(w.atMs / 1000));
    const perSecond = new Map<number, number>();
    for (const t of times) perSecond.set(t, (perSecond.get(t) ?? 0) + 1);
    return { writes: times.length, maxPerSecond: Math.max(...perSecond.values()) };
  } finally {
    await env.platform.close();
  }
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), "nba-props-heartbeat-bench-"));
  try {
    const dead: number[] = [];
    const stalled: number[] = [];
    for (const offset of START_OFFSETS_SECONDS) dead.push(await detection(root, "dead", offset));
    for (const offset of START_OFFSETS_SECONDS.filter((_, i) => i % 3 === 0)) stalled.push(await detection(root, "stalled", offset));
    const hour = await writesPerRunHour(root);
    const result = {
      bench: "heartbeat",
      interval_seconds: DEFAULT_HEARTBEAT_INTERVAL_SECONDS,
      dead_after_seconds: deadAfterSeconds(DEFAULT_HEARTBEAT_INTERVAL_SECONDS),
      sweep_period_seconds: 60,
      detection_latency_seconds: {
        dead_since_last_beat: stats(dead),
        stalled_since_last_progress: { ...stats(stalled), stall_limit_seconds: processorSpec("player_game_summary").spec.stallLimitSeconds },
      },
      heartbeat_writes_per_run_hour: hour.writes,
      max_heartbeat_writes_per_document_second: hour.maxPerSecond,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

void main();
