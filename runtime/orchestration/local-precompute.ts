import { precomputeProcessors } from "../processors/precompute";
import { etDate } from "../domain/et-date";
import type { SourceKind } from "../domain/source-kind";
import { COMPLETION_TOPIC } from "../messages/phase-topics";
import { completionMessageSchema } from "../messages/completion-message";
import { phaseTriggerSchema, type PhaseTrigger } from "../messages/phase-trigger";
import type { RunRecord } from "../monitoring/run-record";
import type { Platform } from "../platform/platform";
import { completionDocId, emptyCompletionState, PHASE_COMPLETIONS, toCompletionDoc } from "./completion-state";
import { localHealthProbe } from "./health-probe";
import type { PipelineRun } from "./local-pipeline";
import { localStart } from "./local-start";
import { notRunLine, type NotRunLine } from "./not-run-line";
import { OrchestrationError } from "./orchestration-error";
import type { OrchestratorContext } from "./orchestrator-context";
import { subscriptionOf } from "./subscription-of";
import { transitionOutcomeText } from "./transition-outcome-text";
import { completionHandler, evaluateGates, recordOnly, stateOrEmpty, transitionFor, type TransitionOutcome } from "./transition-handler";
import { nextStep, transitionMode } from "./transition-plan";
import { runTriggeredPrecompute } from "./triggered-precompute";

const PHASE3_TO_PHASE4 = "phase3-to-phase4";
const PHASE4_TO_PHASE5 = "phase4-to-phase5";
const ORCHESTRATOR = "phase-orchestrator";

export interface LocalPrecompute {
  /** Forgets what earlier runs recorded for these dates (their 3->4 and phase-4 documents): each run re-drives its dates. */
  reset(dates: readonly string[]): Promise<void>;
  /**
   * After a date's phase 3: nothing when the 3->4 transition triggered it (queued for the range
   * run); otherwise one blocked line per precompute processor saying why. A date whose phase 3
   * is over with only optional completions missing, or with no final game, is started here as
   * the relaxation or its schedule would: gates first.
   */
  settleDate(date: string): Promise<NotRunLine[]>;
  /**
   * Runs phase 4 once, set-based, over every queued date (one run per processor), then publishes
   * one completion per processor and date (recorded by the orchestrator's phase-4 subscription).
   */
  settle(upstream: readonly PipelineRun[], onRun: (run: RunRecord) => void, onNotRun: (line: PipelineRun) => void): Promise<void>;
}

const WORDS = { previous: "phase 3", next: "phase 4", gate: "3->4 gate" };

function describe(outcome: TransitionOutcome): string {
  return transitionOutcomeText(outcome, WORDS);
}

/**
 * The local pipeline's phase 4 goes through the production path: phase-3 completions reach the
 * 3->4 transition on the orchestrator's subscription (completions per date, gates: precompute
 * health and blocking phase-3 validation), and its trigger reaches the precompute processors'
 * subscription, which here queues the date instead of running it: the range runs phase 4 once.
 */
export function wireLocalPrecompute(platform: Platform, sourceKind: SourceKind): LocalPrecompute {
  const spec = transitionFor(PHASE3_TO_PHASE4);
  const recorded = transitionFor(PHASE4_TO_PHASE5);
  if (!spec.triggerTopic) throw new OrchestrationError("NO_PATH_TO_PHASE", `${spec.name} has no trigger topic`);
  const ctx: OrchestratorContext = { platform, health: localHealthProbe(platform), sourceKind };
  const queued = new Map<string, PhaseTrigger>();
  platform.bus.subscribe(subscriptionOf(spec.completionTopic, ORCHESTRATOR), completionHandler(ctx, spec));
  platform.bus.subscribe(subscriptionOf(spec.triggerTopic, spec.nextRole), (delivery) => {
    const trigger = phaseTriggerSchema.parse(delivery.body);
    queued.set(trigger.game_date, trigger);
    return Promise.resolve({ kind: "ack" });
  });
  // The orchestrator records each phase-4 completion (4->5 stays planned: no prediction service).
  platform.bus.subscribe(subscriptionOf(COMPLETION_TOPIC.phase_4_precompute, ORCHESTRATOR), async (delivery) => {
    await recordOnly(ctx, recorded, completionMessageSchema.parse(delivery.body));
    return { kind: "ack" };
  });

  return {
    async reset(dates) {
      const today = etDate(platform.clock.now());
      for (const date of dates) {
        for (const t of [spec, recorded]) await platform.docStore.set(PHASE_COMPLETIONS, completionDocId(t.from, date), toCompletionDoc(emptyCompletionState(t.name, t.from, date, transitionMode(date, today))));
      }
    },
    async settleDate(date) {
      if (queued.has(date)) return [];
      const state = await stateOrEmpty(ctx, spec, date);
      const step = nextStep(state, spec, platform.clock.now().toISOString());
      const start = step.kind === "wait" ? await localStart(platform, spec, state, step.verdict) : null;
      let outcome: TransitionOutcome;
      if (start) outcome = await evaluateGates(ctx, spec, state, { ...start, sourceKind });
      else if (state.gate?.status === "blocked") outcome = { kind: "blocked", reasons: state.gate.reasons, alerted: false };
      else outcome = step.kind === "wait" ? { kind: "waiting", waitingFor: step.verdict.waitingFor ?? "" } : { kind: "already_triggered", at: state.triggeredAt };
      if (queued.has(date)) return [];
      const why = describe(outcome);
      return precomputeProcessors.map((p) => notRunLine("phase_4_precompute", p.name, date, why));
    },
    async settle(upstream, onRun, onNotRun) {
      const triggers = [...queued.values()];
      queued.clear();
      await runTriggeredPrecompute(platform, triggers, sourceKind, { upstream, onRun, onNotRun });
    },
  };
}
