import type { Drill, DrillResult } from "../drill";
import { heartbeats, ledgerRecords, never, openDrillEnv, processorSpec, secondsBetween, sweepEveryMinute, untilRunsStarted, runDrillProcessor } from "./drill-env";

/** Default settings must catch a hung run this soon after its last beat. */
const DETECTION_LIMIT_SECONDS = 180;

export const processorHangDrill: Drill = {
  name: "processor-hang",
  description: "A processor's event loop hangs mid-run and it stops beating; the sweeper must fail it (stuck_dead) within 3 min of the last beat, alert once, keep one ledger record.",
  async run({ workDir }): Promise<DrillResult> {
    const env = await openDrillEnv(workDir);
    try {
      const { spec } = processorSpec("player_game_summary");
      void runDrillProcessor(env.platform, "player_game_summary", {
        work: async (progress) => {
          progress.report("extract", 0, 3);
          await env.time.sleep(40_000);
          progress.report("extract", 1, 3);
          env.time.freeze();
          return never();
        },
      });
      await untilRunsStarted(env, 1);
      await env.time.advance(45_000);
      const [beat] = await heartbeats(env);
      const lastBeat = beat?.doc.last_beat_at ?? null;
      const outcome = await sweepEveryMinute(env, 10, (o) => o.flaggedAt.size > 0);
      // Three more sweeps: the run must not be failed or alerted again.
      await sweepEveryMinute(env, 3);
      const runs = (await ledgerRecords(env)).filter((r) => r.processor_name === spec.name);
      const docs = await heartbeats(env);
      const flagged = beat ? outcome.flaggedAt.get(beat.doc.run_id) : undefined;
      const detection = flagged && lastBeat ? secondsBetween(lastBeat, flagged) : null;
      const run = runs[0];
      const passed =
        detection !== null &&
        detection <= DETECTION_LIMIT_SECONDS &&
        env.alerts.length === 1 &&
        runs.length === 1 &&
        run?.status === "failed" &&
        run.error_type === "stuck_dead" &&
        docs.every((d) => d.doc.status !== "running");
      return {
        drill: "processor-hang",
        passed,
        detection_seconds: detection,
        alerts_sent: env.alerts.length,
        ledger_status: run?.status ?? null,
        heartbeat_documents: docs.length,
        ledger_records: runs.length,
        error_type: run?.error_type ?? null,
        heartbeat_status: docs.map((d) => d.doc.status),
        last_beat_at: lastBeat,
        detected_at: flagged?.toISOString() ?? null,
      };
    } finally {
      await env.platform.close();
    }
  },
};
