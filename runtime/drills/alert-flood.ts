import { AlertDrillHarness, HOUR_MS } from "./alert-drill-harness";
import type { Drill } from "./drill";

const FAILURES = 1000;

/** 1,000 identical failures in an hour: at most 3 messages for the key, the summary states the count, nothing lost. */
export const alertFloodDrill: Drill = {
  name: "alert-flood",
  description: "1,000 identical failures in an hour: at most 3 messages, the summary states the count, nothing lost",
  async run({ workDir }) {
    const harness = await AlertDrillHarness.start(workDir);
    try {
      const start = harness.clock.now().getTime();
      for (let i = 0; i < FAILURES; i++) {
        harness.clock.set(start + Math.floor((i * HOUR_MS) / FAILURES));
        await harness.raiseFailure(i);
      }
      harness.clock.set(start + HOUR_MS);
      await harness.router.flushDue();
      const figures = await harness.measure(FAILURES);
      const stated = 1 + figures.summary_counts.reduce((a, b) => a + b, 0);
      const passed =
        figures.delivered <= 3 && figures.summaries >= 1 && stated === FAILURES && figures.lost === 0 && figures.dead_lettered === 0 && figures.duplicates === 0 && figures.books_balanced;
      return { drill: "alert-flood", passed, ...figures };
    } finally {
      await harness.close();
    }
  },
};
