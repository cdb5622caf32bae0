import { errorMessage } from "../../domain/error-message";
import { HEARTBEATS_COLLECTION } from "../../monitoring/heartbeat-document";
import type { RunRecord } from "../../monitoring/run-record";
import type { Drill, DrillResult } from "../drill";
import { heartbeats, ledgerRecords, openDrillEnv, processorSpec, sweepEveryMinute, untilRunsStarted, runDrillProcessor } from "./drill-env";

/** The heartbeat store is down for the first minutes of the run, then comes back. */
const OUTAGE_MINUTES = 2;

export const heartbeatStoreDownDrill: Drill = {
  name: "heartbeat-store-down",
  description: "The heartbeat store fails for the first 2 min of a 3-min run; the run must complete with warnings (logged, counted), no alert, and its heartbeat must end completed once the store is back.",
  async run({ workDir }): Promise<DrillResult> {
    const env = await openDrillEnv(workDir);
    try {
      const { spec } = processorSpec("team_defense_game_summary");
      env.store.setDown(HEARTBEATS_COLLECTION, true);
      let finished: RunRecord | null = null;
      let crashed: unknown = null;
      runDrillProcessor(env.platform, "team_defense_game_summary", {
        work: async (progress) => {
          for (let step = 0; step < 6; step++) {
            progress.report("transform", step, 6);
            await env.time.sleep(30_000);
          }
          return { rows: [], quarantined: [], emptyReason: "no_games_scheduled" };
        },
      }).then(
        (run) => {
          finished = run;
        },
        (err: unknown) => {
          crashed = err;
        },
      );
      await untilRunsStarted(env, 1);
      const outcome = await sweepEveryMinute(
        env,
        6,
        () => finished !== null || crashed !== null,
        (minute) => {
          if (minute + 1 === OUTAGE_MINUTES) env.store.setDown(HEARTBEATS_COLLECTION, false);
        },
      );
      // The run ends between sweeps; one more sweep must find nothing to do.
      await sweepEveryMinute(env, 1);
      const run = finished as RunRecord | null;
      const docs = await heartbeats(env);
      const runs = (await ledgerRecords(env)).filter((r) => r.processor_name === spec.name);
      const warnings = env.logs.filter((l) => l.event === "heartbeat_write_failed").length;
      const passed =
        crashed === null &&
        run !== null &&
        run.status !== "failed" &&
        warnings > 0 &&
        env.alerts.length === 0 &&
        runs.length === 1 &&
        docs.length === 1 &&
        docs[0]?.doc.status === "completed";
      return {
        drill: "heartbeat-store-down",
        passed,
        detection_seconds: null,
        alerts_sent: env.alerts.length,
        ledger_status: run?.status ?? null,
        heartbeat_documents: docs.length,
        heartbeat_status: docs.map((d) => d.doc.status),
        heartbeat_write_failures: warnings,
        heartbeat_writes: env.store.writesTo(HEARTBEATS_COLLECTION).length,
        sweeps_refused_during_outage: outcome.errors.length,
        run_error: crashed === null ? null : errorMessage(crashed),
      };
    } finally {
      await env.platform.close();
    }
  },
};
