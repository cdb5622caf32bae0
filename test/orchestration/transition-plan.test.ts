import type { TransitionSpec } from "../../runtime/catalog/types";
import type { CompletionMessage } from "../../runtime/messages/completion-message";
import { emptyCompletionState, type CompletionState, type GateCheck } from "../../runtime/orchestration/completion-state";
import {
  atCurrentMode,
  blockedDeliveryAnswer,
  completionVerdict,
  latchTriggered,
  nextStep,
  planGates,
  recordCompletion,
  transitionMode,
} from "../../runtime/orchestration/transition-plan";

const spec: TransitionSpec = {
  name: "t",
  from: "phase_3_analytics",
  to: "phase_4_precompute",
  completionTopic: "in",
  triggerTopic: "out",
  nextRole: "next",
  expected: {
    overnight: [
      { processor: "a", critical: true },
      { processor: "b", critical: false },
      { processor: "c", critical: false },
      { processor: "d", critical: false },
      { processor: "e", critical: false },
    ],
    same_day: [],
    backfill: [{ processor: "a", critical: true }],
  },
  minCompletedFraction: 0.6,
  relaxations: [{ afterMinutes: 60, minCompleted: 2 }],
};

const T0 = "2025-03-16T10:00:00.000Z";

function message(processor: string, fields: Partial<CompletionMessage> = {}): CompletionMessage {
  return {
    processor_name: processor,
    phase: "phase_3_analytics",
    execution_id: `x-${processor}`,
    correlation_id: `c-${processor}`,
    game_date: "2025-03-15",
    status: "success",
    timestamp: T0,
    record_count: 10,
    ...fields,
  };
}

function withCompletions(names: readonly string[]): CompletionState {
  let state: CompletionState = emptyCompletionState("t", "phase_3_analytics", "2025-03-15", "overnight");
  for (const n of names) {
    const out = recordCompletion(state, spec, message(n), "2025-03-16", T0);
    state = out.state;
  }
  return state;
}

const pass = (gate: GateCheck["gate"]): GateCheck => ({ gate, passed: true, detail: "ok" });
const fail = (gate: GateCheck["gate"], detail: string): GateCheck => ({ gate, passed: false, detail });

describe("transitionMode (ET dates)", () => {
  test.each([
    ["2025-03-16", "2025-03-16", "same_day"],
    ["2025-03-17", "2025-03-16", "same_day"],
    ["2025-03-15", "2025-03-16", "overnight"],
    ["2025-03-13", "2025-03-16", "overnight"],
    ["2025-03-12", "2025-03-16", "backfill"],
    ["2024-11-01", "2025-03-16", "backfill"],
  ])("%s with today %s is %s", (date, today, mode) => expect(transitionMode(date, today)).toBe(mode));
});

describe("recordCompletion", () => {
  test("a first completion creates the state, with the mode from the date and the first completion time", () => {
    const out = recordCompletion(null, spec, message("a"), "2025-03-16", T0);
    expect(out.recorded).toBe(true);
    expect(out.state).toMatchObject({ mode: "overnight", gameDate: "2025-03-15", firstCompletionAt: T0, state: "waiting", triggered: false });
    expect(out.state.completions.a).toEqual({ completed_at: T0, correlation_id: "c-a", status: "success", record_count: 10, execution_id: "x-a" });
  });

  test.each([
    [message("a", { status: "failed" }), /status failed/],
    [message("a", { status: "no_data" }), /status no_data/],
    [message("zzz"), /not expected by t in any mode/],
    [message("a", { phase: "phase_2_raw" }), /not an input/],
  ])("ignores %#", (m, why) => {
    const out = recordCompletion(null, spec, m, "2025-03-16", T0);
    expect(out.recorded).toBe(false);
    if (!out.recorded) expect(out.why).toMatch(why);
    expect(out.state.completions).toEqual({});
  });

  test("a duplicate is ignored and keeps the first completion", () => {
    const first = withCompletions(["a"]);
    const again = recordCompletion(first, spec, message("a", { execution_id: "other" }), "2025-03-16", "2025-03-16T11:00:00.000Z");
    expect(again.recorded).toBe(false);
    expect(again.state.completions.a?.execution_id).toBe("x-a");
  });

  test("a success upgrades an earlier partial", () => {
    const partial = recordCompletion(null, spec, message("a", { status: "partial" }), "2025-03-16", T0).state;
    const upgraded = recordCompletion(partial, spec, message("a"), "2025-03-16", "2025-03-16T11:00:00.000Z");
    expect(upgraded.recorded).toBe(true);
    expect(upgraded.state.completions.a?.status).toBe("success");
    expect(upgraded.state.firstCompletionAt).toBe(T0);
  });

  test("an old date records what any mode expects, and its verdict counts only its backfill set", () => {
    const out = recordCompletion(null, spec, message("b", { game_date: "2025-01-02" }), "2025-03-16", T0);
    expect(out.state.mode).toBe("backfill");
    expect(out.recorded).toBe(true);
    expect(completionVerdict(out.state, spec, T0)).toMatchObject({ complete: false, expected: ["a"], waitingFor: "critical a" });
  });

  test("the mode moves with the clock: a completion recorded on the day counts for the overnight set", () => {
    const onTheDay = recordCompletion(null, spec, message("a"), "2025-03-15", T0);
    expect(onTheDay.state.mode).toBe("same_day");
    expect(onTheDay.recorded).toBe(true);
    const nextMorning = recordCompletion(onTheDay.state, spec, message("b"), "2025-03-16", T0);
    expect(nextMorning.state.mode).toBe("overnight");
    expect(Object.keys(nextMorning.state.completions).sort()).toEqual(["a", "b"]);
  });

  test("a same-day start does not latch the overnight run; an overnight start stays latched in backfill", () => {
    const sameDay = latchTriggered(emptyCompletionState("t", "phase_3_analytics", "2025-03-15", "same_day"), { missing: [] }, "schedule", "m-1", T0);
    const rearmed = atCurrentMode(sameDay, "2025-03-16");
    expect(rearmed).toMatchObject({ mode: "overnight", triggered: false, state: "waiting", triggeredAt: null, triggerReason: null });
    expect(nextStep(recordCompletion(rearmed, spec, message("a"), "2025-03-16", T0).state, spec, T0).kind).toBe("wait");
    const overnight = latchTriggered(withCompletions(["a", "b", "c"]), { missing: ["d", "e"] }, "threshold", "m-2", T0);
    expect(atCurrentMode(overnight, "2025-03-20")).toMatchObject({ mode: "backfill", triggered: true, state: "triggered", triggerMessageId: "m-2" });
  });
});

describe("completionVerdict", () => {
  test("all expected done: all_complete", () => {
    expect(completionVerdict(withCompletions(["a", "b", "c", "d", "e"]), spec, T0)).toMatchObject({ complete: true, reason: "all_complete", missing: [] });
  });
  test("critical plus the fraction: threshold, naming what is missing", () => {
    expect(completionVerdict(withCompletions(["a", "b", "c"]), spec, T0)).toMatchObject({ complete: true, reason: "threshold", missing: ["d", "e"], completed: ["a", "b", "c"] });
  });
  test("enough in number but the critical one missing: waits for it", () => {
    expect(completionVerdict(withCompletions(["b", "c", "d", "e"]), spec, T0)).toMatchObject({ complete: false, waitingFor: "critical a" });
  });
  test("below the fraction: waits, until a relaxation applies after its time", () => {
    const state = withCompletions(["a", "b"]);
    expect(completionVerdict(state, spec, "2025-03-16T10:59:00.000Z")).toMatchObject({ complete: false, waitingFor: "c, d, e" });
    expect(completionVerdict(state, spec, "2025-03-16T11:00:00.000Z")).toMatchObject({ complete: true, reason: "relaxed" });
  });
  test("a relaxation never excuses a missing critical processor", () => {
    expect(completionVerdict(withCompletions(["b", "c"]), spec, "2025-03-17T10:00:00.000Z").complete).toBe(false);
  });
  test("a mode with no expected processors is never completed by completions", () => {
    const state = emptyCompletionState("t", "phase_3_analytics", "2025-03-16", "same_day");
    expect(completionVerdict(state, spec, T0)).toMatchObject({ complete: false, waitingFor: expect.stringMatching(/schedule/) });
  });
  test("backfill mode uses its own set", () => {
    expect(completionVerdict({ ...withCompletions(["a"]), mode: "backfill" }, spec, T0)).toMatchObject({ complete: true, reason: "all_complete" });
  });
});

describe("nextStep", () => {
  test("waits, evaluates gates, or reports the latch", () => {
    expect(nextStep(withCompletions(["a"]), spec, T0).kind).toBe("wait");
    expect(nextStep(withCompletions(["a", "b", "c"]), spec, T0).kind).toBe("evaluate_gates");
    const latched = latchTriggered(withCompletions(["a", "b", "c"]), { missing: [] }, "threshold", "m1", T0);
    expect(nextStep(latched, spec, T0)).toEqual({ kind: "already_triggered", at: T0 });
  });
});

describe("planGates (fail closed)", () => {
  const complete = withCompletions(["a", "b", "c", "d", "e"]);

  test("all gates passing: publish, recorded as passed, not latched yet", () => {
    const plan = planGates(complete, [pass("health"), pass("validation")], T0);
    expect(plan.kind).toBe("publish");
    expect(plan.state.triggered).toBe(false);
    expect(plan.state.gate).toMatchObject({ status: "passed", reasons: [], evaluations: 1 });
  });

  test.each([
    [[fail("health", "next: 503"), pass("validation")], ["health: next: 503"]],
    [[pass("health"), fail("validation", "2 blocking")], ["validation: 2 blocking"]],
    [[fail("health", "down"), fail("validation", "unreadable")], ["health: down", "validation: unreadable"]],
    [[], ["health: no gate was evaluated"]],
  ])("failing gates block with their reasons (%#)", (checks, reasons) => {
    const plan = planGates(complete, checks, T0);
    expect(plan.kind).toBe("block");
    if (plan.kind !== "block") return;
    expect(plan.reasons).toEqual(reasons);
    expect(plan.state).toMatchObject({ state: "blocked", triggered: false, alertedAt: T0 });
    expect(plan.state.gate).toMatchObject({ status: "blocked", reasons });
  });

  test("a block alerts once: a repeat block of an alerted state stays quiet and keeps the first alert time", () => {
    const first = planGates(complete, [fail("health", "down")], T0);
    expect(first.kind === "block" && first.alert).toBe(true);
    const again = planGates(first.state, [fail("health", "down")], "2025-03-16T10:05:00.000Z");
    expect(again.kind === "block" && again.alert).toBe(false);
    expect(again.state.alertedAt).toBe(T0);
    expect(again.state.gate?.evaluations).toBe(2);
  });

  test("a pass after a block, once latched, clears the alert so a later block alerts again", () => {
    const blocked = planGates(complete, [fail("validation", "x")], T0).state;
    const passed = planGates(blocked, [pass("health"), pass("validation")], "2025-03-16T11:00:00.000Z");
    const latched = latchTriggered(passed.state, { missing: [] }, "all_complete", "m", "2025-03-16T11:00:00.000Z");
    expect(latched).toMatchObject({ state: "triggered", triggered: true, alertedAt: null, triggerMessageId: "m", triggerReason: "all_complete" });
  });
});

describe("blockedDeliveryAnswer", () => {
  test.each([
    [1, 5, "retry"],
    [4, 5, "retry"],
    [5, 5, "ack"],
    [6, 5, "ack"],
  ])("attempt %i of %i: %s", (attempt, max, kind) => expect(blockedDeliveryAnswer(attempt, max, ["health: down"]).kind).toBe(kind));
  test("the retry names the reasons", () => expect(blockedDeliveryAnswer(1, 5, ["health: down", "validation: x"])).toEqual({ kind: "retry", reason: "gate blocked: health: down; validation: x" }));
});
