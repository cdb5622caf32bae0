import { completionDocId, PHASE_COMPLETIONS } from "../orchestration/completion-state";
import type { Drill, DrillResult } from "./drill";
import { analyticsCompletion, deliveriesOn, DRILL_TOPICS, DRILL_DATE, openDrillPlatform, orchestratorOn, PHASE3_TO_4, phase3CompletionSubscription, wirePhase3To4 } from "./orchestration-harness";

/**
 * A message whose handling fails the same way every time (its date's completion document was
 * corrupted by hand, so reading it throws): the bus delivers it at most the subscription's
 * attempts, with backoff, then dead-letters it, and the dead letter raises one alert.
 */
async function run(workDir: string): Promise<DrillResult> {
  const platform = await openDrillPlatform(workDir);
  try {
    const ctx = orchestratorOn(platform);
    const { triggers } = wirePhase3To4(platform, ctx);
    await platform.docStore.set(PHASE_COMPLETIONS, completionDocId(PHASE3_TO_4.from, DRILL_DATE), { _transition: PHASE3_TO_4.name, _state: 42 });
    const subscription = phase3CompletionSubscription();
    // The attempts come from the topic spec the drill bus was built from, not a literal.
    const maxAttempts = DRILL_TOPICS.flatMap((t) => t.subscriptions).find((s) => s.name === subscription)?.maxDeliveryAttempts ?? 0;
    const started = platform.clock.now().getTime();
    await platform.bus.publish(PHASE3_TO_4.completionTopic, analyticsCompletion("player_game_summary", DRILL_DATE, platform.clock.now()));
    const deliveries = deliveriesOn(platform, subscription);
    const dead = platform.bus.deadLetters.filter((d) => d.subscription === subscription);
    const deadLetterAlerts = platform.alerts.filter((a) => a.title.startsWith("messages dead-lettered"));
    const result = {
      drill: "poison-message",
      published: triggers.length,
      latched: false,
      deliveries,
      dead_lettered: dead.length,
      max_attempts: maxAttempts,
      backoff_ms: platform.clock.sleeps,
      simulated_ms: platform.clock.now().getTime() - started,
      alerts: platform.alerts.length,
      dead_letter_alerts: deadLetterAlerts.length,
      last_reason: dead[0]?.reason ?? null,
    };
    const passed = result.published === 0 && deliveries === maxAttempts && maxAttempts > 0 && result.dead_lettered === 1 && result.dead_letter_alerts === 1 && result.backoff_ms.length === maxAttempts - 1;
    return { ...result, passed };
  } finally {
    await platform.close();
  }
}

export const poisonMessage: Drill = {
  name: "poison-message",
  description: "A completion that fails every time is delivered at most the configured attempts with backoff, dead-lettered, and alerted once.",
  run: ({ workDir }) => run(workDir),
};
