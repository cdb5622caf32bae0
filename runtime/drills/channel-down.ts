import { AlertDrillHarness, HOUR_MS } from "./alert-drill-harness";
import type { Drill } from "./drill";

// Two keys each cross the summary threshold during the outage, so summaries dead-letter too.
const KEYS = ["2025-03-14", "2025-03-15"];
const FAILURES_PER_KEY = 550;

/**
 * The webhook answers 500 for an hour while two keys keep failing: every send is retried,
 * then dead-lettered (never dropped). When the webhook recovers, the window-end summaries go out
 * and a replay delivers every dead-lettered alert exactly once; a second replay sends nothing.
 */
export const channelDownDrill: Drill = {
  name: "channel-down",
  description: "the webhook answers 500 for an hour, then recovers: alerts dead-letter, replay delivers each exactly once",
  async run({ workDir }) {
    const harness = await AlertDrillHarness.start(workDir);
    try {
      const start = harness.clock.now().getTime();
      const recovered = start + HOUR_MS;
      harness.webhook.status = () => (harness.clock.now().getTime() < recovered ? 500 : 200);
      const total = KEYS.length * FAILURES_PER_KEY;
      for (let i = 0; i < total; i++) {
        harness.clock.set(start + Math.floor((i * (HOUR_MS - 60_000)) / total));
        await harness.raiseFailure(i, KEYS[i % KEYS.length]);
      }
      const duringOutage = await harness.measure(total);
      // Just past every window's end, so the summaries still folded are due too.
      harness.clock.set(recovered + 60_000);
      await harness.router.flushDue();
      const replay = await harness.router.replay();
      const secondReplay = await harness.router.replay();
      const figures = await harness.measure(total);
      const passed =
        duringOutage.delivered === 0 &&
        duringOutage.dead_lettered > 0 &&
        replay.delivered === replay.replayed &&
        secondReplay.replayed === 0 &&
        figures.dead_lettered === 0 &&
        figures.duplicates === 0 &&
        figures.lost === 0 &&
        figures.books_balanced;
      return {
        drill: "channel-down",
        passed,
        ...figures,
        dead_lettered: duringOutage.dead_lettered,
        still_dead_lettered: figures.dead_lettered,
        replayed: replay.replayed,
        replay_delivered: replay.delivered,
        second_replay: secondReplay.replayed,
        failed_posts: harness.webhook.requests.filter((r) => r.status !== 200).length,
      };
    } finally {
      await harness.close();
    }
  },
};
