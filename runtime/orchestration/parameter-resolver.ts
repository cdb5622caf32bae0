import type { z } from "zod";
import { dateRange } from "../domain/et-date";
import { errorMessage } from "../domain/error-message";
import { resolveDateRange } from "../domain/resolve-date";
import { gateSweepRequestSchema, triggerRequestSchema, type TriggerablePhase } from "../messages/trigger-request";
import { OrchestrationError } from "./orchestration-error";

/** Longest range one trigger may start; a longer one is a backfill, not a scheduled trigger. */
const MAX_TRIGGER_DAYS = 31;

export interface ResolvedTrigger {
  readonly phase: TriggerablePhase;
  readonly dates: readonly string[];
}

function resolveDates(token: string, now: Date, maxDays: number): string[] {
  let range;
  try {
    range = resolveDateRange(token, now);
  } catch (err) {
    throw new OrchestrationError("INVALID_PARAMETER", `date: ${errorMessage(err)}`);
  }
  const dates = dateRange(range.from, range.to);
  if (dates.length > maxDays) throw new OrchestrationError("INVALID_PARAMETER", `date: "${token}" covers ${dates.length} days; at most ${maxDays}`);
  return dates;
}

function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new OrchestrationError("INVALID_PARAMETER", `${issue?.path.map(String).join(".") || "body"}: ${issue?.message ?? "invalid"}`);
}

/** A scheduler's `/trigger` body with its date token resolved in ET; bad input is a permanent error. */
export function resolveTriggerRequest(body: unknown, now: Date): ResolvedTrigger {
  const request = parseBody(triggerRequestSchema, body);
  return { phase: request.phase, dates: resolveDates(request.date, now, MAX_TRIGGER_DAYS) };
}

/** A `/gates/sweep` body: the dates to sweep, or null for every open gate. */
export function resolveSweepRequest(body: unknown, now: Date): readonly string[] | null {
  const request = parseBody(gateSweepRequestSchema, body ?? {});
  return request.date === undefined ? null : resolveDates(request.date, now, MAX_TRIGGER_DAYS);
}
