import type { Bus } from "../platform/ports/bus";
import type { Drill, DrillResult } from "./drill";
import { analyticsCompletion, deliveriesOn, DRILL_DATE, openDrillPlatform, orchestratorOn, PHASE3_TO_4, phase3CompletionSubscription, stateOf, wirePhase3To4 } from "./orchestration-harness";

const FAILURES = 2;

/**
 * Publishing the phase-4 trigger fails twice (Pub/Sub unavailable), then works. The handler
 * answers retry, so the completion that completed the set is redelivered; the third delivery
 * publishes. The date is latched only after the publish, and no completion or trigger is doubled.
 */
async function run(workDir: string): Promise<DrillResult> {
  const platform = await openDrillPlatform(workDir);
  try {
    let failuresLeft = FAILURES;
    const flakyBus: Bus = {
      subscribe: (subscription, handler) => platform.bus.subscribe(subscription, handler),
      publish: (topic, body) => {
        if (topic === PHASE3_TO_4.triggerTopic && failuresLeft > 0) {
          failuresLeft -= 1;
          return Promise.reject(new Error("UNAVAILABLE: publish failed (drill)"));
        }
        return platform.bus.publish(topic, body);
      },
    };
    const ctx = orchestratorOn({ ...platform, bus: flakyBus });
    const { triggers } = wirePhase3To4(platform, ctx);
    const subscription = phase3CompletionSubscription();
    const messageIds: string[] = [];
    for (const e of PHASE3_TO_4.expected.overnight) {
      messageIds.push(await platform.bus.publish(PHASE3_TO_4.completionTopic, analyticsCompletion(e.processor, DRILL_DATE, platform.clock.now())));
    }
    const perMessage = messageIds.map((id) => platform.bus.deliveries.filter((d) => d.messageId === id && d.subscription === subscription));
    const completing = perMessage.find((list) => list.some((d) => d.outcome === "retry")) ?? [];
    const state = await stateOf(platform, PHASE3_TO_4, DRILL_DATE);
    const entries = Object.values(state?.completions ?? {});
    const result = {
      drill: "flaky-transient",
      published: triggers.length,
      latched: state?.triggered ?? false,
      deliveries: deliveriesOn(platform, subscription),
      dead_lettered: platform.bus.deadLetters.length,
      succeeded_on_delivery: completing.find((d) => d.outcome === "ack")?.attempt ?? null,
      completion_entries: entries.length,
      duplicate_rows: entries.length - new Set(entries.map((e) => e.execution_id)).size + Math.max(0, triggers.length - 1),
      backoff_ms: platform.clock.sleeps,
      alerts: platform.alerts.length,
    };
    const passed =
      result.published === 1 &&
      result.latched &&
      result.succeeded_on_delivery === FAILURES + 1 &&
      result.duplicate_rows === 0 &&
      result.completion_entries === PHASE3_TO_4.expected.overnight.length &&
      result.dead_lettered === 0 &&
      result.alerts === 0;
    return { ...result, passed };
  } finally {
    await platform.close();
  }
}

export const flakyTransient: Drill = {
  name: "flaky-transient",
  description: "Publishing the next trigger fails twice then works: the third delivery succeeds, latched once, no duplicate completion or trigger.",
  run: ({ workDir }) => run(workDir),
};
