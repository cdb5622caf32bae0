import type { AlertEvent } from "../../runtime/alerts/alert-event";
import type { AlertMessage } from "../../runtime/alerts/alert-message";
import type { LimitConfig } from "../../runtime/alerts/alerts-config";
import type { LimiterState } from "../../runtime/alerts/limiter-state";
import { planFlush, planRaise, type AlertPlan } from "../../runtime/alerts/plan-alerts";

const T0 = Date.parse("2025-03-16T10:00:00.000Z");
const MIN = 60_000;
const HOUR = 60 * MIN;
const LIMITS: LimitConfig = { window_seconds: 3600, summary_threshold: 500, hourly_cap: 3 };

function event(overrides: Partial<AlertEvent> = {}): AlertEvent {
  return { source: "nbac_schedule", category: "scrape_failed", scope: "2025-03-15", severity: "error", title: "scraper failed", detail: "HTTP 503", context: { run_id: "r1" }, links: [], ...overrides };
}

/** Feeds raises at the given times (and flushes at `flushes`) and collects every message. */
function simulate(times: readonly number[], limits: LimitConfig, flushes: readonly number[] = [], make: (i: number) => AlertEvent = () => event()): { state: LimiterState | null; messages: AlertMessage[] } {
  let state: LimiterState | null = null;
  const messages: AlertMessage[] = [];
  const steps = [...times.map((t, i) => ({ t, i, kind: "raise" as const })), ...flushes.map((t) => ({ t, i: -1, kind: "flush" as const }))].sort((a, b) => a.t - b.t || (a.kind === "raise" ? -1 : 1));
  for (const step of steps) {
    const plan: AlertPlan | null = step.kind === "raise" ? planRaise(state, make(step.i), "k", step.t, limits) : state ? planFlush(state, "k", step.t, limits) : null;
    if (!plan) continue;
    state = plan.state;
    messages.push(...plan.messages);
  }
  return { state, messages };
}

describe("planRaise", () => {
  test("the first occurrence of a key goes out at once and opens a window", () => {
    const plan = planRaise(null, event(), "k", T0, LIMITS);
    expect(plan.messages).toHaveLength(1);
    expect(plan.messages[0]).toMatchObject({ id: "k-1", kind: "first", count: 1, severity: "error", title: "scraper failed", detail: "HTTP 503", first_at: "2025-03-16T10:00:00.000Z" });
    expect(plan.state).toMatchObject({ raised_total: 1, pending_count: 0, window_start_ms: T0, window_end_ms: T0 + HOUR, cap_sent: 1, flush_at_ms: null });
  });

  test("a repeat inside the window is counted, not sent, and due at the window's end", () => {
    const first = planRaise(null, event(), "k", T0, LIMITS);
    const repeat = planRaise(first.state, event({ detail: "HTTP 504" }), "k", T0 + 5 * MIN, LIMITS);
    expect(repeat.messages).toEqual([]);
    expect(repeat.state).toMatchObject({ raised_total: 2, pending_count: 1, pending_first_ms: T0 + 5 * MIN, flush_at_ms: T0 + HOUR, last_detail: "HTTP 504" });
  });

  test("the summary goes out early when the folded count reaches the threshold", () => {
    const limits = { ...LIMITS, summary_threshold: 3 };
    const { messages } = simulate([T0, T0 + 1, T0 + 2, T0 + 3], limits);
    expect(messages.map((m) => [m.kind, m.count])).toEqual([
      ["first", 1],
      ["summary", 3],
    ]);
    expect(messages[1]?.title).toBe("scraper failed (3 more since 2025-03-16T10:00:00.001Z)");
    expect(messages[1]?.detail).toContain("3 repeated alerts");
    expect(messages[1]?.context.repeat_count).toBe(3);
  });

  test("1,000 identical failures in an hour are 3 messages: first, the threshold summary, the window-end summary", () => {
    const times = Array.from({ length: 1000 }, (_, i) => T0 + Math.floor((i * HOUR) / 1000));
    const { messages, state } = simulate(times, LIMITS, [T0 + HOUR]);
    expect(messages.map((m) => [m.kind, m.count])).toEqual([
      ["first", 1],
      ["summary", 500],
      ["summary", 499],
    ]);
    expect(state).toMatchObject({ raised_total: 1000, pending_count: 0, flush_at_ms: null, window_end_ms: null });
  });

  test("the hourly cap holds summaries back (folded, never dropped) until the hour is over", () => {
    const limits: LimitConfig = { window_seconds: 60, summary_threshold: 2, hourly_cap: 2 };
    const times = [T0, T0 + 1000, T0 + 2000, T0 + 3000, T0 + 4000, T0 + 5000];
    const early = simulate(times, limits, [T0 + 61_000]);
    expect(early.messages.map((m) => [m.kind, m.count])).toEqual([
      ["first", 1],
      ["summary", 2],
    ]);
    expect(early.state).toMatchObject({ pending_count: 3, flush_at_ms: T0 + HOUR });
    const late = simulate(times, limits, [T0 + 61_000, T0 + HOUR]);
    expect(late.messages.map((m) => [m.kind, m.count])).toEqual([
      ["first", 1],
      ["summary", 2],
      ["summary", 3],
    ]);
  });

  test("after a quiet window the next occurrence is a first again, and the due summary goes before it", () => {
    const { messages } = simulate([T0, T0 + MIN, T0 + 2 * HOUR], LIMITS);
    expect(messages.map((m) => [m.id, m.kind, m.count])).toEqual([
      ["k-1", "first", 1],
      ["k-2", "summary", 1],
      ["k-3", "first", 1],
    ]);
  });

  test("a summary carries the most severe of the folded alerts", () => {
    const severities = ["warning", "critical", "error"] as const;
    const { messages } = simulate([T0, T0 + 1, T0 + 2, T0 + 3], LIMITS, [T0 + HOUR], (i) => event({ severity: i === 0 ? "info" : (severities[i - 1] ?? "info") }));
    expect(messages.map((m) => [m.kind, m.severity])).toEqual([
      ["first", "info"],
      ["summary", "critical"],
    ]);
  });

  test("the input state is not modified (the planner is pure)", () => {
    const first = planRaise(null, event(), "k", T0, LIMITS);
    const frozen = Object.freeze(structuredClone(first.state));
    expect(() => planRaise(frozen, event(), "k", T0 + 1, LIMITS)).not.toThrow();
    expect(frozen.raised_total).toBe(1);
  });
});

describe("planFlush", () => {
  test("nothing goes out before the window ends", () => {
    const { messages } = simulate([T0, T0 + 1], LIMITS, [T0 + HOUR - 1]);
    expect(messages).toHaveLength(1);
  });

  test("a window that ends with nothing folded closes without a message", () => {
    const first = planRaise(null, event(), "k", T0, LIMITS);
    const flushed = planFlush(first.state, "k", T0 + HOUR, LIMITS);
    expect(flushed.messages).toEqual([]);
    expect(flushed.state).toMatchObject({ window_start_ms: null, window_end_ms: null, raised_total: 1 });
  });

  test("the cap period restarts an hour after its first message", () => {
    const limits: LimitConfig = { window_seconds: 60, summary_threshold: 100, hourly_cap: 2 };
    const times = [T0, T0 + 61_000, T0 + 122_000, T0 + HOUR + 1000];
    const { messages } = simulate(times, limits);
    expect(messages.map((m) => [m.kind, m.first_at])).toEqual([
      ["first", "2025-03-16T10:00:00.000Z"],
      ["first", "2025-03-16T10:01:01.000Z"],
      ["summary", "2025-03-16T10:02:02.000Z"],
      ["first", "2025-03-16T11:00:01.000Z"],
    ]);
  });
});
