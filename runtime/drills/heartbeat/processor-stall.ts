import type { Drill, DrillResult } from "../drill";
import { heartbeats, ledgerRecords, never, openDrillEnv, processorSpec, secondsBetween, sweepEveryMinute, untilRunsStarted, runDrillProcessor } from "./drill-env";

/** The sweeper runs every minute, so a stall is caught at most this long after its limit passes. */
const SWEEP_PERIOD_SECONDS = 60;

export const processorStallDrill: Drill = {
  name: "processor-stall",
  description: "A processor keeps beating but its progress stops moving; the sweeper must fail it (stuck_stalled) once its declared stall limit passes, alert once, and its beats must not revive it.",
  async run({ workDir }): Promise<DrillResult> {
    const env = await openDrillEnv(workDir);
    try {
      const { spec } = processorSpec("team_offense_game_summary");
      void runDrillProcessor(env.platform, "team_offense_game_summary", {
        work: (progress) => {
          progress.report("extract", 1, 4);
          return never();
        },
      });
      await untilRunsStarted(env, 1);
      const outcome = await sweepEveryMinute(env, Math.ceil(spec.stallLimitSeconds / SWEEP_PERIOD_SECONDS) + 3, (o) => o.flaggedAt.size > 0);
      // The process is still alive and beating: three more minutes must change nothing.
      await sweepEveryMinute(env, 3);
      const docs = await heartbeats(env);
      const doc = docs[0]?.doc;
      const runs = (await ledgerRecords(env)).filter((r) => r.processor_name === spec.name);
      const run = runs[0];
      const flagged = run ? outcome.flaggedAt.get(run.run_id) : undefined;
      const detection = flagged && doc ? secondsBetween(doc.last_progress_at, flagged) : null;
      const passed =
        detection !== null &&
        detection >= spec.stallLimitSeconds &&
        detection <= spec.stallLimitSeconds + SWEEP_PERIOD_SECONDS &&
        env.alerts.length === 1 &&
        runs.length === 1 &&
        run?.status === "failed" &&
        run.error_type === "stuck_stalled" &&
        docs.every((d) => d.doc.status === "failed");
      return {
        drill: "processor-stall",
        passed,
        detection_seconds: detection,
        stall_limit_seconds: spec.stallLimitSeconds,
        alerts_sent: env.alerts.length,
        ledger_status: run?.status ?? null,
        heartbeat_documents: docs.length,
        ledger_records: runs.length,
        error_type: run?.error_type ?? null,
        heartbeat_status: docs.map((d) => d.doc.status),
        last_progress_at: doc?.last_progress_at ?? null,
        last_beat_at: doc?.last_beat_at ?? null,
      };
    } finally {
      await env.platform.close();
    }
  },
};
