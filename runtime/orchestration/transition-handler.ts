import { catalog } from "../catalog/catalog";
import { plannedTransitions } from "../catalog/transitions";
import { LOG_EVENTS } from "../catalog/monitoring";
import type { TransitionSpec } from "../catalog/types";
import { etDate } from "../domain/et-date";
import type { Delivery, HandlerOutcome, MessageHandler } from "../platform/ports/bus";
import { completionMessageSchema, type CompletionMessage } from "../messages/completion-message";
import { completionDocId, emptyCompletionState, parseCompletionDoc, PHASE_COMPLETIONS, toCompletionDoc, type CompletionState } from "./completion-state";
import { runGates } from "./gates";
import { OrchestrationError } from "./orchestration-error";
import type { OrchestratorContext } from "./orchestrator-context";
import { buildPhaseTrigger, publishTrigger, type TriggerFields } from "./publish-trigger";
import { atCurrentMode, blockedDeliveryAnswer, completionVerdict, latchTriggered, nextStep, planGates, recordCompletion, transitionMode, type RecordOutcome } from "./transition-plan";

export type TransitionOutcome =
  | { readonly kind: "ignored"; readonly why: string }
  | { readonly kind: "waiting"; readonly waitingFor: string }
  | { readonly kind: "already_triggered"; readonly at: string | null }
  | { readonly kind: "blocked"; readonly reasons: readonly string[]; readonly alerted: boolean }
  | { readonly kind: "published"; readonly messageId: string; readonly reason: string };

export function transitionFor(name: string): TransitionSpec {
  const spec = [...catalog.transitions, ...plannedTransitions].find((t) => t.name === name);
  if (!spec) throw new OrchestrationError("UNKNOWN_TRANSITION", `no transition named ${name} in the catalog`);
  return spec;
}

export async function loadCompletionState(ctx: OrchestratorContext, spec: TransitionSpec, gameDate: string): Promise<CompletionState | null> {
  const doc = await ctx.platform.docStore.get(PHASE_COMPLETIONS, completionDocId(spec.from, gameDate));
  return doc ? parseCompletionDoc(doc) : null;
}

function saveState(ctx: OrchestratorContext, state: CompletionState): Promise<void> {
  return ctx.platform.docStore.set(PHASE_COMPLETIONS, completionDocId(state.phase, state.gameDate), toCompletionDoc(state));
}

function logBlocked(ctx: OrchestratorContext, spec: TransitionSpec, state: CompletionState, reasons: readonly string[]): void {
  for (const check of state.gate?.checks.filter((c) => !c.passed) ?? []) {
    ctx.platform.logger.warn(
      { event: LOG_EVENTS.gateBlocked, gate: check.gate, game_date: state.gameDate, transition: spec.name, phase: spec.to, detail: check.detail },
      `${spec.name} ${state.gameDate}: ${check.gate} gate blocked`,
    );
  }
  if (!state.gate) ctx.platform.logger.warn({ event: LOG_EVENTS.gateBlocked, gate: "unknown", game_date: state.gameDate, transition: spec.name, reasons }, `${spec.name} blocked`);
}

/**
 * Runs the gates of a date whose set is complete (or that a schedule or sweep starts) and applies
 * the plan: a block is recorded, alerted once and logged, and nothing is published or latched; a
 * pass publishes the trigger first and latches after, so a failed publish is retried, not lost.
 */
export async function evaluateGates(ctx: OrchestratorContext, spec: TransitionSpec, start: CompletionState, fields: TriggerFields): Promise<TransitionOutcome> {
  const { platform } = ctx;
  const checks = await runGates(ctx, spec, start.gameDate, start.firstCompletionAt ?? undefined);
  const now = platform.clock.now().toISOString();
  const plan = await platform.docStore.transaction(async (tx) => {
    const id = completionDocId(spec.from, start.gameDate);
    const doc = await tx.get(PHASE_COMPLETIONS, id);
    const current = doc ? parseCompletionDoc(doc) : start;
    if (current.triggered) return { kind: "already_triggered" as const, at: current.triggeredAt };
    const gatePlan = planGates(current, checks, now);
    tx.set(PHASE_COMPLETIONS, id, toCompletionDoc(gatePlan.state));
    return gatePlan;
  });
  if (plan.kind === "already_triggered") return plan;
  if (plan.kind === "block") {
    logBlocked(ctx, spec, plan.state, plan.reasons);
    if (plan.alert) {
      try {
        await platform.notifier.notify({
          severity: "error",
          title: `gate blocked: ${spec.to} for ${start.gameDate}`,
          message: `${spec.name} did not start ${spec.to}: ${plan.reasons.join("; ")}. It is re-evaluated on redelivery and by the gate sweep; override with nba-props gate override.`,
          context: { transition: spec.name, game_date: start.gameDate, phase: spec.to, reasons: plan.reasons.join("; ") },
          source: spec.name,
          category: "gate_blocked",
          scope: start.gameDate,
        });
      } catch (err) {
        // Release the claim so the next evaluation alerts; the answer is a retry.
        await saveState(ctx, { ...plan.state, alertedAt: null });
        throw err;
      }
    }
    return { kind: "blocked", reasons: plan.reasons, alerted: plan.alert };
  }
  const verdict = completionVerdict(plan.state, spec, now);
  const trigger = buildPhaseTrigger(spec, plan.state, verdict, fields, now);
  const messageId = await publishTrigger(ctx, spec, trigger);
  await platform.docStore.transaction(async (tx) => {
    const id = completionDocId(spec.from, start.gameDate);
    const doc = await tx.get(PHASE_COMPLETIONS, id);
    const current = doc ? parseCompletionDoc(doc) : plan.state;
    tx.set(PHASE_COMPLETIONS, id, toCompletionDoc(latchTriggered({ ...current, gate: plan.state.gate }, verdict, fields.reason, messageId, now)));
  });
  platform.logger.info(
    { event: LOG_EVENTS.gatePassed, gate: "all", game_date: start.gameDate, transition: spec.name, phase: spec.to, trigger_reason: fields.reason, message_id: messageId },
    `${spec.name} ${start.gameDate}: gates passed, ${spec.to} started`,
  );
  return { kind: "published", messageId, reason: fields.reason };
}

/** Evaluates a date's transition now (after a completion or on a sweep): wait, or gates and publish. */
export async function advanceTransition(ctx: OrchestratorContext, spec: TransitionSpec, recorded: CompletionState): Promise<TransitionOutcome> {
  const clock = ctx.platform.clock.now();
  const now = clock.toISOString();
  const state = atCurrentMode(recorded, etDate(clock));
  const step = nextStep(state, spec, now);
  if (step.kind === "already_triggered") return step;
  if (step.kind === "wait") return { kind: "waiting", waitingFor: step.verdict.waitingFor ?? "" };
  return evaluateGates(ctx, spec, state, { reason: step.verdict.reason ?? "all_complete", source: "orchestrator" });
}

/**
 * Records one completion message in the date's document, in a transaction, without advancing the
 * transition (a transition whose next service does not exist yet only collects its completions).
 */
export async function recordOnly(ctx: OrchestratorContext, spec: TransitionSpec, message: CompletionMessage): Promise<RecordOutcome> {
  const now = ctx.platform.clock.now();
  const today = etDate(now);
  return ctx.platform.docStore.transaction(async (tx) => {
    const id = completionDocId(spec.from, message.game_date);
    const doc = await tx.get(PHASE_COMPLETIONS, id);
    const outcome = recordCompletion(doc ? parseCompletionDoc(doc) : null, spec, message, today, now.toISOString());
    if (outcome.recorded || doc === null) tx.set(PHASE_COMPLETIONS, id, toCompletionDoc(outcome.state));
    return outcome;
  });
}

/**
 * Records one completion message in the date's document (in a transaction) and advances the
 * transition. Throws only on failures worth a retry (doc store, publish).
 */
export async function recordAndAdvance(ctx: OrchestratorContext, spec: TransitionSpec, body: unknown): Promise<TransitionOutcome> {
  const recorded = await recordOnly(ctx, spec, completionMessageSchema.parse(body));
  const advanced = await advanceTransition(ctx, spec, recorded.state);
  if (!recorded.recorded && advanced.kind === "waiting") return { kind: "ignored", why: recorded.why };
  return advanced;
}

/**
 * The push handler of a completion subscription. An invalid message is permanent (alerted and
 * acknowledged); a blocked gate asks for redelivery with backoff while attempts remain; a
 * transient failure (thrown) is retried by the bus.
 */
export async function handleCompletion(ctx: OrchestratorContext, spec: TransitionSpec, delivery: Delivery): Promise<HandlerOutcome> {
  const parsed = completionMessageSchema.safeParse(delivery.body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    await ctx.platform.notifier.notify({
      severity: "error",
      title: `invalid ${spec.from} completion dropped`,
      message: `field ${issue?.path.join(".") ?? "?"}: ${issue?.message ?? "invalid"}`,
      context: { message_id: delivery.messageId, subscription: delivery.subscription, transition: spec.name },
      source: "phase-orchestrator",
      category: "invalid_message",
      scope: delivery.subscription,
    });
    return { kind: "ack" };
  }
  const outcome = await recordAndAdvance(ctx, spec, parsed.data);
  if (outcome.kind !== "blocked") return { kind: "ack" };
  const subscription = catalog.topics.flatMap((t) => t.subscriptions).find((s) => s.name === delivery.subscription);
  return blockedDeliveryAnswer(delivery.attempt, subscription?.maxDeliveryAttempts ?? 1, outcome.reasons);
}

/** `handleCompletion` bound to its transition: what `bus.subscribe` and a push route take. */
export function completionHandler(ctx: OrchestratorContext, spec: TransitionSpec): MessageHandler {
  return (delivery) => handleCompletion(ctx, spec, delivery);
}

/** A date's state, created empty (mode from today) when nothing was recorded yet. */
export async function stateOrEmpty(ctx: OrchestratorContext, spec: TransitionSpec, gameDate: string): Promise<CompletionState> {
  return (await loadCompletionState(ctx, spec, gameDate)) ?? emptyCompletionState(spec.name, spec.from, gameDate, transitionMode(gameDate, etDate(ctx.platform.clock.now())));
}
