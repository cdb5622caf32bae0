import { AlertDrillHarness, HOUR_MS } from "./alert-drill-harness";
import type { Drill } from "./drill";

const FAILURES = 1000;
const RESTART_AFTER = 400;

/**
 * A flood with a restart in the middle (a new process on the same DocStore, as after a
 * scale-to-zero): the limiter state survives, so the restart sends no new "first" message.
 */
export const alertRestartDrill: Drill = {
  name: "alert-restart",
  description: "the process restarts in the middle of a flood: the limiter is not reset, still at most 3 messages",
  async run({ workDir }) {
    const harness = await AlertDrillHarness.start(workDir);
    try {
      const start = harness.clock.now().getTime();
      let deliveredBeforeRestart = 0;
      for (let i = 0; i < FAILURES; i++) {
        if (i === RESTART_AFTER) {
          deliveredBeforeRestart = harness.webhook.requests.length;
          harness.restart();
        }
        harness.clock.set(start + Math.floor((i * HOUR_MS) / FAILURES));
        await harness.raiseFailure(i);
      }
      harness.clock.set(start + HOUR_MS);
      await harness.router.flushDue();
      const figures = await harness.measure(FAILURES);
      const firstsAfterRestart = (await harness.router.records()).filter((r) => r.message.kind === "first" && r.created_ms >= start + Math.floor((RESTART_AFTER * HOUR_MS) / FAILURES)).length;
      const stated = 1 + figures.summary_counts.reduce((a, b) => a + b, 0);
      const passed = figures.delivered <= 3 && firstsAfterRestart === 0 && stated === FAILURES && figures.lost === 0 && figures.duplicates === 0 && figures.books_balanced;
      return { drill: "alert-restart", passed, ...figures, restarted_after: RESTART_AFTER, delivered_before_restart: deliveredBeforeRestart, firsts_after_restart: firstsAfterRestart };
    } finally {
      await harness.close();
    }
  },
};
