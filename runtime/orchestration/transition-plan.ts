import { z } from "zod";
import { OVERNIGHT_WINDOW_DAYS } from "../catalog/transitions";
import type { TransitionMode, TransitionSpec } from "../catalog/types";
import { addDays } from "../domain/et-date";
import { SOURCE_KINDS, type SourceKind } from "../domain/source-kind";
import type { CompletionMessage } from "../messages/completion-message";
import { emptyCompletionState, type CompletionState, type GateCheck } from "./completion-state";

/**
 * The decisions of a phase transition, as pure functions of the recorded state (plan, then
 * apply): which completion counts, whether the expected set is complete, and what a set of gate
 * results means. The handler performs the I/O these plans ask for.
 */

/** The mode of a game date against today (both ET dates). */
export function transitionMode(gameDate: string, today: string): TransitionMode {
  if (gameDate >= today) return "same_day";
  return gameDate >= addDays(today, -OVERNIGHT_WINDOW_DAYS) ? "overnight" : "backfill";
}

/** The completion's `metadata.source_kind`, when it names a known kind. */
function sourceKindOf(message: CompletionMessage): { source_kind?: SourceKind } {
  const kind = z.enum(SOURCE_KINDS).safeParse(message.metadata?.source_kind);
  return kind.success ? { source_kind: kind.data } : {};
}

/**
 * A date's state at today's mode. The mode moves with the clock (same_day, then overnight, then
 * backfill), so it is never fixed when the document is created. A same-day start (the slate
 * ahead) is a different run from the date's overnight one (the games played): a latch set in
 * same-day mode is re-armed once the date is past, keeping the completions recorded so far.
 * Overnight to backfill keeps the latch: the games were processed.
 */
export function atCurrentMode(state: CompletionState, today: string): CompletionState {
  const mode = transitionMode(state.gameDate, today);
  if (mode === state.mode) return state;
  if (!(state.mode === "same_day" && state.triggered)) return { ...state, mode };
  return { ...state, mode, state: "waiting", triggered: false, triggerReason: null, missingProcessors: [], triggeredAt: null, triggerMessageId: null, gate: null, alertedAt: null };
}

/** Whether any mode of the transition expects the processor (a completion counts across modes). */
function expectedInSomeMode(spec: TransitionSpec, processor: string): boolean {
  return Object.values(spec.expected).some((list) => list.some((e) => e.processor === processor));
}

export type RecordOutcome = { readonly recorded: true; readonly state: CompletionState } | { readonly recorded: false; readonly state: CompletionState; readonly why: string };

/**
 * Adds a completion to a date's state. Only success/partial completions of processors some mode
 * expects count (the verdict judges the current mode's set); a repeat is ignored unless it upgrades a partial to a success.
 */
export function recordCompletion(current: CompletionState | null, spec: TransitionSpec, message: CompletionMessage, today: string, now: string): RecordOutcome {
  const state = current ? atCurrentMode(current, today) : emptyCompletionState(spec.name, spec.from, message.game_date, transitionMode(message.game_date, today));
  if (message.phase !== spec.from) return { recorded: false, state, why: `a ${message.phase} completion is not an input of ${spec.name}` };
  if (message.status !== "success" && message.status !== "partial") return { recorded: false, state, why: `status ${message.status} does not count as a completion` };
  // Recorded when any mode expects it: the schedule completes on the day itself (same-day mode),
  // and the overnight set of that date needs it the next morning.
  if (!expectedInSomeMode(spec, message.processor_name)) {
    return { recorded: false, state, why: `${message.processor_name} is not expected by ${spec.name} in any mode` };
  }
  const existing = state.completions[message.processor_name];
  if (existing && !(existing.status === "partial" && message.status === "success")) {
    return { recorded: false, state, why: `${message.processor_name} already completed at ${existing.completed_at}` };
  }
  return {
    recorded: true,
    state: {
      ...state,
      firstCompletionAt: state.firstCompletionAt ?? now,
      completions: {
        ...state.completions,
        [message.processor_name]: {
          completed_at: now,
          correlation_id: message.correlation_id,
          status: message.status,
          record_count: message.record_count ?? null,
          execution_id: message.execution_id,
          ...sourceKindOf(message),
        },
      },
    },
  };
}

export interface CompletionVerdict {
  readonly complete: boolean;
  readonly reason: "all_complete" | "threshold" | "relaxed" | null;
  readonly expected: readonly string[];
  readonly completed: readonly string[];
  readonly missing: readonly string[];
  /** Why it is not complete, in words. */
  readonly waitingFor: string | null;
}

/** Whether the expected set of the state's mode is complete at `now` (DOMAIN §6.4 rules). */
export function completionVerdict(state: CompletionState, spec: TransitionSpec, now: string): CompletionVerdict {
  const expected = spec.expected[state.mode];
  const names = expected.map((e) => e.processor);
  const completed = names.filter((n) => state.completions[n] !== undefined);
  const missing = names.filter((n) => state.completions[n] === undefined);
  const base = { expected: names, completed, missing };
  if (expected.length === 0) return { ...base, complete: false, reason: null, waitingFor: `${state.mode} mode is started by its schedule, not by completions` };
  if (missing.length === 0) return { ...base, complete: true, reason: "all_complete", waitingFor: null };
  const missingCritical = expected.filter((e) => e.critical && state.completions[e.processor] === undefined).map((e) => e.processor);
  if (missingCritical.length > 0) return { ...base, complete: false, reason: null, waitingFor: `critical ${missingCritical.join(", ")}` };
  if (completed.length / expected.length >= spec.minCompletedFraction) return { ...base, complete: true, reason: "threshold", waitingFor: null };
  const since = state.firstCompletionAt ? (Date.parse(now) - Date.parse(state.firstCompletionAt)) / 60_000 : 0;
  const relaxed = spec.relaxations.some((r) => since >= r.afterMinutes && completed.length >= r.minCompleted);
  if (relaxed) return { ...base, complete: true, reason: "relaxed", waitingFor: null };
  return { ...base, complete: false, reason: null, waitingFor: missing.join(", ") };
}

export type TransitionStep =
  | { readonly kind: "already_triggered"; readonly at: string | null }
  | { readonly kind: "wait"; readonly verdict: CompletionVerdict }
  | { readonly kind: "evaluate_gates"; readonly verdict: CompletionVerdict };

/** After a completion (or on a sweep): nothing to do, keep waiting, or run the gates. */
export function nextStep(state: CompletionState, spec: TransitionSpec, now: string): TransitionStep {
  if (state.triggered) return { kind: "already_triggered", at: state.triggeredAt };
  const verdict = completionVerdict(state, spec, now);
  return verdict.complete ? { kind: "evaluate_gates", verdict } : { kind: "wait", verdict };
}

export type GatePlan =
  | { readonly kind: "publish"; readonly state: CompletionState }
  | { readonly kind: "block"; readonly state: CompletionState; readonly reasons: readonly string[]; readonly alert: boolean };

/**
 * What the gate results mean (fail closed): any failed check blocks, records its reasons and is
 * alerted once per block (a block already alerted stays quiet until a pass clears it). A pass
 * does not latch yet: the handler latches only after the trigger was published.
 */
export function planGates(state: CompletionState, checks: readonly GateCheck[], now: string): GatePlan {
  const failed = checks.filter((c) => !c.passed);
  const evaluations = (state.gate?.evaluations ?? 0) + 1;
  if (checks.length === 0) failed.push({ gate: "health", passed: false, detail: "no gate was evaluated" });
  if (failed.length === 0) {
    return { kind: "publish", state: { ...state, gate: { status: "passed", checks: [...checks], reasons: [], evaluated_at: now, evaluations } } };
  }
  const reasons = failed.map((c) => `${c.gate}: ${c.detail}`);
  const alert = state.alertedAt === null;
  return {
    kind: "block",
    reasons,
    alert,
    state: {
      ...state,
      state: "blocked",
      gate: { status: "blocked", checks: [...checks], reasons, evaluated_at: now, evaluations },
      alertedAt: alert ? now : state.alertedAt,
    },
  };
}

/** The state once the trigger was published: latched, and any earlier block's alert resolved. */
export function latchTriggered(state: CompletionState, verdict: Pick<CompletionVerdict, "missing">, reason: NonNullable<CompletionState["triggerReason"]>, messageId: string, now: string): CompletionState {
  return {
    ...state,
    state: "triggered",
    triggered: true,
    triggerReason: reason,
    missingProcessors: [...verdict.missing],
    triggeredAt: now,
    triggerMessageId: messageId,
    alertedAt: null,
  };
}

/**
 * How a push delivery of a blocked completion is answered: redelivered with backoff while the
 * subscription has attempts left; on the last attempt acknowledged (the block is recorded and
 * alerted, and the sweep owns it), so a known block never becomes a dead letter too.
 */
export function blockedDeliveryAnswer(attempt: number, maxAttempts: number, reasons: readonly string[]): { kind: "ack" } | { kind: "retry"; reason: string } {
  if (attempt >= maxAttempts) return { kind: "ack" };
  return { kind: "retry", reason: `gate blocked: ${reasons.join("; ")}` };
}
