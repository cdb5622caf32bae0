import type { NotificationSeverity } from "../platform/ports/notifier";
import { maxSeverity, type AlertEvent } from "./alert-event";
import type { AlertMessage } from "./alert-message";
import type { LimitConfig } from "./alerts-config";
import type { LimiterState } from "./limiter-state";

const HOUR_MS = 3_600_000;
/** Limiter documents outlive any window; the TTL only cleans up keys that went quiet. */
const STATE_TTL_MS = 7 * 24 * HOUR_MS;

/** What the limiter decided: the key's next state and the messages to record and send. */
export interface AlertPlan {
  readonly state: LimiterState;
  readonly messages: readonly AlertMessage[];
}

const iso = (ms: number): string => new Date(ms).toISOString();

function emptyState(event: AlertEvent, now: number): LimiterState {
  return {
    source: event.source,
    category: event.category,
    scope: event.scope,
    raised_total: 0,
    messages_total: 0,
    window_start_ms: null,
    window_end_ms: null,
    pending_count: 0,
    pending_first_ms: null,
    pending_last_ms: null,
    pending_severity: null,
    last_title: event.title,
    last_detail: event.detail,
    last_context: { ...event.context },
    last_links: [...event.links],
    cap_start_ms: null,
    cap_sent: 0,
    flush_at_ms: null,
    expire_at: iso(now + STATE_TTL_MS),
  };
}

/** The hourly cap restarts an hour after the first message of the current cap period. */
function refreshCap(s: LimiterState, now: number): LimiterState {
  return s.cap_start_ms !== null && now >= s.cap_start_ms + HOUR_MS ? { ...s, cap_start_ms: null, cap_sent: 0 } : s;
}

function capAllows(s: LimiterState, limits: LimitConfig): boolean {
  return s.cap_sent < limits.hourly_cap;
}

function countSend(s: LimiterState, now: number): LimiterState {
  return { ...s, cap_start_ms: s.cap_start_ms ?? now, cap_sent: s.cap_sent + 1, messages_total: s.messages_total + 1 };
}

function windowOpen(s: LimiterState, now: number): boolean {
  return s.window_end_ms !== null && now < s.window_end_ms;
}

/** When folded repeats are due: the window's end, or later if the hourly cap is spent. */
function dueAt(s: LimiterState, limits: LimitConfig): number | null {
  if (s.pending_count === 0) return null;
  const windowEnd = s.window_end_ms ?? s.pending_last_ms ?? 0;
  const capReopens = !capAllows(s, limits) && s.cap_start_ms !== null ? s.cap_start_ms + HOUR_MS : 0;
  return Math.max(windowEnd, capReopens);
}

function summaryOf(s: LimiterState, keyId: string, now: number): AlertMessage {
  const count = s.pending_count;
  const first = s.pending_first_ms ?? now;
  const last = s.pending_last_ms ?? now;
  return {
    id: `${keyId}-${s.messages_total + 1}`,
    kind: "summary",
    source: s.source,
    category: s.category,
    scope: s.scope,
    severity: s.pending_severity ?? "info",
    title: `${s.last_title} (${count} more since ${iso(first)})`,
    detail: `${count} repeated alerts for ${s.source} / ${s.category}${s.scope ? ` / ${s.scope}` : ""} between ${iso(first)} and ${iso(last)} were folded into this summary. Latest: ${s.last_detail}`,
    context: { ...s.last_context, repeat_count: count },
    links: [...s.last_links],
    count,
    first_at: iso(first),
    last_at: iso(last),
    created_at: iso(now),
  };
}

function emitSummary(s: LimiterState, keyId: string, now: number): AlertPlan {
  const message = summaryOf(s, keyId, now);
  const next: LimiterState = { ...countSend(s, now), pending_count: 0, pending_first_ms: null, pending_last_ms: null, pending_severity: null, flush_at_ms: null };
  return { state: next, messages: [message] };
}

/**
 * Sends the folded repeats of a key as one summary once they are due (window over, cap room);
 * closes a window that has ended. Pure: the caller persists the state and sends the messages.
 */
export function planFlush(state: LimiterState, keyId: string, now: number, limits: LimitConfig): AlertPlan {
  let s = refreshCap(state, now);
  let messages: AlertMessage[] = [];
  if (s.pending_count > 0 && now >= (dueAt(s, limits) ?? Infinity)) {
    if (capAllows(s, limits)) {
      const emitted = emitSummary(s, keyId, now);
      s = emitted.state;
      messages = [...emitted.messages];
    } else s = { ...s, flush_at_ms: dueAt(s, limits) };
  }
  if (s.pending_count === 0 && s.window_end_ms !== null && now >= s.window_end_ms) s = { ...s, window_start_ms: null, window_end_ms: null };
  return { state: s, messages };
}

/**
 * One raised alert: the first occurrence of a key goes out at once and opens a window; repeats
 * in the window are folded (a summary goes out early once `summary_threshold` are folded); a
 * key never sends more than `hourly_cap` messages an hour, and nothing is ever dropped: what
 * the cap holds back is folded into the next summary.
 */
export function planRaise(state: LimiterState | null, event: AlertEvent, keyId: string, now: number, limits: LimitConfig): AlertPlan {
  const flushed = state ? planFlush(state, keyId, now, limits) : { state: emptyState(event, now), messages: [] };
  let s: LimiterState = {
    ...flushed.state,
    raised_total: flushed.state.raised_total + 1,
    last_title: event.title,
    last_detail: event.detail,
    last_context: { ...event.context },
    last_links: [...event.links],
    expire_at: iso(now + STATE_TTL_MS),
  };
  const messages = [...flushed.messages];
  const fresh = !windowOpen(s, now) && s.pending_count === 0;
  if (fresh) s = { ...s, window_start_ms: now, window_end_ms: now + limits.window_seconds * 1000 };
  if (fresh && capAllows(s, limits)) {
    messages.push({
      id: `${keyId}-${s.messages_total + 1}`,
      kind: "first",
      source: event.source,
      category: event.category,
      scope: event.scope,
      severity: event.severity,
      title: event.title,
      detail: event.detail,
      context: { ...event.context },
      links: [...event.links],
      count: 1,
      first_at: iso(now),
      last_at: iso(now),
      created_at: iso(now),
    });
    return { state: countSend(s, now), messages };
  }
  s = {
    ...s,
    pending_count: s.pending_count + 1,
    pending_first_ms: s.pending_first_ms ?? now,
    pending_last_ms: now,
    pending_severity: s.pending_severity ? maxSeverity(s.pending_severity, event.severity) : event.severity,
  };
  if (s.pending_count >= limits.summary_threshold && capAllows(s, limits)) {
    const emitted = emitSummary(s, keyId, now);
    return { state: emitted.state, messages: [...messages, ...emitted.messages] };
  }
  return { state: { ...s, flush_at_ms: dueAt(s, limits) }, messages };
}

/** The severity whose limits govern a key's pending repeats. */
export function stateSeverity(state: LimiterState): NotificationSeverity {
  return state.pending_severity ?? "info";
}
