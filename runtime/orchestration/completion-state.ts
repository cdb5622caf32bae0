import { z } from "zod";
import type { Phase, TransitionMode } from "../catalog/types";
import { SOURCE_KINDS } from "../domain/source-kind";
import { PHASES } from "../messages/completion-message";
import { TRANSITION_MODES, TRIGGER_REASONS } from "../messages/phase-trigger";

/** The doc-store collection of completion documents (catalog docCollections). */
export const PHASE_COMPLETIONS = "phase_completions";

export const GATE_NAMES = ["health", "validation"] as const;

const completionEntrySchema = z.strictObject({
  completed_at: z.string(),
  correlation_id: z.string(),
  status: z.enum(["success", "partial"]),
  record_count: z.number().int().nonnegative().nullable(),
  execution_id: z.string(),
  /** The provenance of the rows the completion reports (metadata.source_kind), carried to the next phase's trigger. */
  source_kind: z.enum(SOURCE_KINDS).optional(),
});

export type CompletionEntry = z.infer<typeof completionEntrySchema>;

const gateCheckSchema = z.strictObject({
  gate: z.enum(GATE_NAMES),
  passed: z.boolean(),
  detail: z.string(),
});

export type GateCheck = z.infer<typeof gateCheckSchema>;

const gateRecordSchema = z.strictObject({
  status: z.enum(["passed", "blocked"]),
  checks: z.array(gateCheckSchema),
  reasons: z.array(z.string()),
  evaluated_at: z.string(),
  evaluations: z.number().int().nonnegative(),
});

export type GateRecord = z.infer<typeof gateRecordSchema>;

const overrideSchema = z.strictObject({ reason: z.string().min(1), at: z.string(), by: z.string() });

/** `waiting` for completions, `blocked` by a gate (retried), `triggered` once the next phase was started. */
export const COMPLETION_STATES = ["waiting", "blocked", "triggered"] as const;

/** The bookkeeping fields of a completion document; processors are the other (top-level) keys. */
const metaSchema = z.strictObject({
  _transition: z.string(),
  _phase: z.enum(PHASES),
  _game_date: z.string(),
  _mode: z.enum(TRANSITION_MODES),
  _state: z.enum(COMPLETION_STATES),
  _triggered: z.boolean(),
  _first_completion_at: z.string().nullable(),
  _trigger_reason: z.enum(TRIGGER_REASONS).nullable(),
  _missing_processors: z.array(z.string()),
  _triggered_at: z.string().nullable(),
  _trigger_message_id: z.string().nullable(),
  _gate: gateRecordSchema.nullable(),
  /** When the current block was alerted; cleared when the gate passes, so each block alerts once. */
  _alerted_at: z.string().nullable(),
  _override: overrideSchema.nullable(),
});

type Meta = z.infer<typeof metaSchema>;

/**
 * One document per phase per game date (DOMAIN §6.4): `{processor: {completed_at, ...}}` plus
 * `_`-prefixed bookkeeping. Parsed strictly, so a hand-edited document fails loudly.
 */
export interface CompletionState {
  readonly transition: string;
  readonly phase: Phase;
  readonly gameDate: string;
  readonly mode: TransitionMode;
  readonly state: (typeof COMPLETION_STATES)[number];
  readonly triggered: boolean;
  readonly firstCompletionAt: string | null;
  readonly triggerReason: Meta["_trigger_reason"];
  readonly missingProcessors: readonly string[];
  readonly triggeredAt: string | null;
  readonly triggerMessageId: string | null;
  readonly gate: GateRecord | null;
  readonly alertedAt: string | null;
  readonly override: z.infer<typeof overrideSchema> | null;
  readonly completions: Readonly<Record<string, CompletionEntry>>;
}

export function completionDocId(phase: Phase, gameDate: string): string {
  return `${phase}--${gameDate}`;
}

export function emptyCompletionState(transition: string, phase: Phase, gameDate: string, mode: TransitionMode): CompletionState {
  return {
    transition,
    phase,
    gameDate,
    mode,
    state: "waiting",
    triggered: false,
    firstCompletionAt: null,
    triggerReason: null,
    missingProcessors: [],
    triggeredAt: null,
    triggerMessageId: null,
    gate: null,
    alertedAt: null,
    override: null,
    completions: {},
  };
}

/** A stored completion document that does not parse: never guessed around, always loud. */
export class CorruptCompletionDocError extends Error {
  readonly code = "CORRUPT_COMPLETION_DOC";
}

function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 3).map((i) => `${[what, ...i.path.map(String)].join(".")}: ${i.message}`);
  const more = parsed.error.issues.length > 3 ? ` (+${parsed.error.issues.length - 3} more)` : "";
  throw new CorruptCompletionDocError(`${PHASE_COMPLETIONS} document is corrupt: ${issues.join("; ")}${more}`);
}

export function parseCompletionDoc(doc: Record<string, unknown>): CompletionState {
  const meta: Record<string, unknown> = {};
  const completions: Record<string, CompletionEntry> = {};
  for (const [key, value] of Object.entries(doc)) {
    if (key.startsWith("_")) meta[key] = value;
    else completions[key] = parseOrThrow(completionEntrySchema, value, key);
  }
  const m = parseOrThrow(metaSchema, meta, "meta");
  return {
    transition: m._transition,
    phase: m._phase,
    gameDate: m._game_date,
    mode: m._mode,
    state: m._state,
    triggered: m._triggered,
    firstCompletionAt: m._first_completion_at,
    triggerReason: m._trigger_reason,
    missingProcessors: m._missing_processors,
    triggeredAt: m._triggered_at,
    triggerMessageId: m._trigger_message_id,
    gate: m._gate,
    alertedAt: m._alerted_at,
    override: m._override,
    completions,
  };
}

export function toCompletionDoc(s: CompletionState): Record<string, unknown> {
  const meta: Meta = {
    _transition: s.transition,
    _phase: s.phase,
    _game_date: s.gameDate,
    _mode: s.mode,
    _state: s.state,
    _triggered: s.triggered,
    _first_completion_at: s.firstCompletionAt,
    _trigger_reason: s.triggerReason,
    _missing_processors: [...s.missingProcessors],
    _triggered_at: s.triggeredAt,
    _trigger_message_id: s.triggerMessageId,
    _gate: s.gate,
    _alerted_at: s.alertedAt,
    _override: s.override,
  };
  return { ...s.completions, ...meta };
}
