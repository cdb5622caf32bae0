import { runScraper } from "../../scrapers/base/run-scraper";
import { scraperDefinitions } from "../../scrapers";
import type { Drill, DrillResult } from "../drill";
import { DRILL_DATE, heartbeats, ledgerRecords, never, openDrillEnv, secondsBetween, sweepEveryMinute, untilRunsStarted, runDrillProcessor } from "./drill-env";

const DETECTION_LIMIT_SECONDS = 180;

export const crashMidRunDrill: Drill = {
  name: "crash-mid-run",
  description: "The process dies with a scraper and a processor mid-run (no terminal write) after another run completed; once the sweeper has passed no heartbeat says running, each dead run is failed once and alerted once.",
  async run({ workDir }): Promise<DrillResult> {
    const env = await openDrillEnv(workDir);
    try {
      const scraper = scraperDefinitions.find((s) => s.spec.scope === "date");
      if (!scraper) throw new Error("drill: no date-scoped scraper");
      const completed = await runDrillProcessor(env.platform, "player_game_summary", {
        work: () => Promise.resolve({ rows: [], quarantined: [], emptyReason: "no_games_scheduled" }),
      });
      void runDrillProcessor(env.platform, "team_offense_game_summary", {
        work: async (progress) => {
          progress.report("extract", 0, 2);
          await env.time.sleep(40_000);
          progress.report("extract", 1, 2);
          return never();
        },
      });
      void runScraper(env.platform, {
        scraper,
        scope: { key: DRILL_DATE, gameDate: DRILL_DATE },
        source: {
          kind: "sim",
          fetch: async () => {
            await env.time.sleep(50_000);
            return never();
          },
        },
      });
      await untilRunsStarted(env, 4);
      await env.time.advance(55_000);
      // The process dies: its timers go with it, nothing writes a terminal state.
      env.time.discardTimers();
      const before = await heartbeats(env);
      const lastBeat = new Map(before.map((b) => [b.doc.run_id, b.doc.last_beat_at]));
      const outcome = await sweepEveryMinute(env, 10, (o) => o.flaggedAt.size >= 2);
      await sweepEveryMinute(env, 2);
      const docs = await heartbeats(env);
      const records = await ledgerRecords(env);
      const crashed = records.filter((r) => r.run_id !== completed.run_id);
      const detections = crashed.map((r) => {
        const flagged = outcome.flaggedAt.get(r.run_id);
        const beat = lastBeat.get(r.run_id);
        return flagged && beat ? secondsBetween(beat, flagged) : null;
      });
      const detection = detections.some((d) => d === null) ? null : Math.max(...(detections as number[]));
      const statuses = [...new Set(crashed.map((r) => r.status))];
      const passed =
        crashed.length === 2 &&
        detection !== null &&
        detection <= DETECTION_LIMIT_SECONDS &&
        crashed.every((r) => r.status === "failed" && r.error_type === "stuck_dead") &&
        records.find((r) => r.run_id === completed.run_id)?.status === completed.status &&
        env.alerts.length === crashed.length &&
        docs.length === 3 &&
        docs.every((d) => d.doc.status !== "running");
      return {
        drill: "crash-mid-run",
        passed,
        detection_seconds: detection,
        alerts_sent: env.alerts.length,
        ledger_status: statuses.length === 1 ? statuses[0] : statuses.join(","),
        heartbeat_documents: docs.length,
        heartbeat_status: Object.fromEntries(docs.map((d) => [d.id, d.doc.status])),
        ledger_records: records.map((r) => ({ processor: r.processor_name, phase: r.phase, status: r.status, error_type: r.error_type })),
      };
    } finally {
      await env.platform.close();
    }
  },
};
