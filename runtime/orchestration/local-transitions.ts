import { etDate } from "../domain/et-date";
import type { SourceKind } from "../domain/source-kind";
import { phaseTriggerSchema, type PhaseTrigger } from "../messages/phase-trigger";
import type { RunRecord } from "../monitoring/run-record";
import type { Platform } from "../platform/platform";
import { analyticsProcessors } from "../processors/analytics";
import { seasonScheduledGames } from "../processors/base/empty-reason";
import { completionDocId, emptyCompletionState, PHASE_COMPLETIONS, toCompletionDoc } from "./completion-state";
import { localHealthProbe } from "./health-probe";
import { localPhaseStarter } from "./local-phase-starter";
import { localRangeStarter } from "./local-range-starter";
import type { Together } from "../platform/coalesced-writes";
import { localStart } from "./local-start";
import { subscriptionOf } from "./subscription-of";
import { transitionOutcomeText } from "./transition-outcome-text";
import { OrchestrationError } from "./orchestration-error";
import type { OrchestratorContext } from "./orchestrator-context";
import { completionHandler, evaluateGates, stateOrEmpty, transitionFor, type TransitionOutcome } from "./transition-handler";
import { nextStep, transitionMode } from "./transition-plan";
import { notRunLine, type NotRunLine } from "./not-run-line";

const PHASE2_TO_PHASE3 = "phase2-to-phase3";
const ORCHESTRATOR = "phase-orchestrator";

export interface LocalTransitions {
  /**
   * Forgets what earlier runs recorded for these dates: a pipeline run re-drives its dates from
   * scratch (MERGEs are idempotent), so an old latch must not skip this run's phase 3, nor an old
   * completion stand in for one that fails now. Call before any scraper runs.
   */
  reset(dates: readonly string[]): Promise<void>;
  /**
   * After a date's phases 1 and 2: nothing when its phase 3 ran; otherwise one blocked line per
   * analytics processor saying why (waiting for a completion, or a gate's reasons). A date no
   * completion set will start (same-day mode, no final game) is started here as its schedule
   * would, and one missing only optional sources as the relaxation would: gates first.
   */
  settle(date: string): Promise<NotRunLine[]>;
  /** Runs phase 3 of every triggered date still queued (see `analyticsBatchDates`) as one range run. */
  drain(): Promise<void>;
}

export interface LocalTransitionOptions {
  /**
   * Triggered dates whose phase 3 runs together as one range run (1: each date's phase 3 right
   * after its phases 1 and 2). Queued dates run once the batch is full, or at drain().
   */
  readonly analyticsBatchDates?: number;
  /** Runs a range's dates of a processor concurrently with shared writes (see CoalescingWarehouse). */
  readonly together?: Together;
}

const WORDS = { previous: "phase 2", next: "phase 3", gate: "gate" };

function describe(outcome: TransitionOutcome): string {
  return transitionOutcomeText(outcome, WORDS);
}

/**
 * The local pipeline's phase 3 goes through the production path: phase-2 completions reach the
 * 2->3 transition on the orchestrator's subscription (completions recorded per date, gates:
 * health and blocking validation), and its trigger reaches the analytics processors on theirs.
 */
export function wireLocalTransitions(platform: Platform, sourceKind: SourceKind, record: (run: RunRecord) => void, options: LocalTransitionOptions = {}): LocalTransitions {
  const spec = transitionFor(PHASE2_TO_PHASE3);
  const ctx: OrchestratorContext = { platform, health: localHealthProbe(platform) };
  const started = new Set<string>();
  const startOne = localPhaseStarter(platform, sourceKind, record);
  const startRange = localRangeStarter(platform, sourceKind, record, options.together);
  const batchDates = Math.max(1, options.analyticsBatchDates ?? 1);
  const queued: PhaseTrigger[] = [];
  const drain = async (): Promise<void> => {
    const batch = queued.splice(0);
    if (batch.length === 1) await startOne(batch[0]!);
    else if (batch.length > 1) await startRange(batch);
  };
  const startPhase3 = async (trigger: PhaseTrigger): Promise<void> => {
    queued.push(trigger);
    if (queued.length >= batchDates) await drain();
  };
  platform.bus.subscribe(subscriptionOf(spec.completionTopic, ORCHESTRATOR), completionHandler(ctx, spec));
  if (!spec.triggerTopic) throw new OrchestrationError("NO_PATH_TO_PHASE", `${spec.name} has no trigger topic`);
  // The trigger fires as soon as the expected (critical) completions are in, which locally is in the
  // middle of the date's scrapes; like the overnight trigger in production, phase 3 runs once the
  // date's phase 1 and 2 are over, so it reads every raw table the day loaded (team box scores,
  // play-by-play, props), not only the expected ones.
  const pending = new Map<string, PhaseTrigger>();
  platform.bus.subscribe(subscriptionOf(spec.triggerTopic, spec.nextRole), (delivery) => {
    const trigger = phaseTriggerSchema.parse(delivery.body);
    started.add(trigger.game_date);
    pending.set(trigger.game_date, trigger);
    return Promise.resolve({ kind: "ack" });
  });

  return {
    async reset(dates) {
      const today = etDate(platform.clock.now());
      for (const date of dates) {
        await platform.docStore.set(PHASE_COMPLETIONS, completionDocId(spec.from, date), toCompletionDoc(emptyCompletionState(spec.name, spec.from, date, transitionMode(date, today))));
      }
    },
    async settle(date) {
      const trigger = pending.get(date);
      if (trigger) {
        pending.delete(date);
        await startPhase3(trigger);
      }
      if (started.has(date)) return [];
      const state = await stateOrEmpty(ctx, spec, date);
      const step = nextStep(state, spec, platform.clock.now().toISOString());
      let outcome: TransitionOutcome;
      // An empty season schedule is a failure upstream, never "no games today": phase 3 stays blocked.
      const emptySeason = step.kind === "wait" && (await seasonScheduledGames(platform.warehouse, date)) === 0;
      const start = step.kind === "wait" && !emptySeason ? await localStart(platform, spec, state, step.verdict) : null;
      if (emptySeason) outcome = { kind: "ignored", why: `the stored schedule holds no games for the season of ${date} (load nbac_schedule first)` };
      else if (start) outcome = await evaluateGates(ctx, spec, state, start);
      else if (state.gate?.status === "blocked") outcome = { kind: "blocked", reasons: state.gate.reasons, alerted: false };
      else outcome = step.kind === "wait" ? { kind: "waiting", waitingFor: step.verdict.waitingFor ?? "" } : { kind: "already_triggered", at: state.triggeredAt };
      const scheduled = pending.get(date);
      if (scheduled) {
        pending.delete(date);
        await startPhase3(scheduled);
      }
      if (started.has(date)) return [];
      const why = describe(outcome);
      return analyticsProcessors.map((p) => notRunLine("phase_3_analytics", p.name, date, why));
    },
    drain,
  };
}
