import { catalog } from "../catalog/catalog";
import type { Phase } from "../catalog/types";
import { errorMessage } from "../domain/error-message";
import { RUNS_COLLECTION } from "../monitoring/run-ledger";
import type { Platform } from "../platform/platform";
import { PHASES } from "../messages/completion-message";
import { completionDocId, parseCompletionDoc, PHASE_COMPLETIONS, type GateRecord } from "./completion-state";
import { completionVerdict } from "./transition-plan";
import { isBlocking, latestValidationChecks, phaseProcessorNames } from "./validation-gate";

export interface StatusRun {
  readonly processor: string;
  readonly scope: string;
  readonly status: string;
  readonly rows_written: number;
  readonly started_at: string;
  readonly error_message: string | null;
}

export interface StatusTransition {
  readonly transition: string;
  readonly into: Phase;
  readonly mode: string | null;
  readonly state: "none" | "waiting" | "blocked" | "triggered";
  readonly expected: readonly string[];
  readonly completions: readonly { processor: string; status: string; record_count: number | null; completed_at: string }[];
  readonly missing: readonly string[];
  readonly gate: GateRecord | null;
  readonly blocked_reasons: readonly string[];
  readonly triggered_at: string | null;
  readonly trigger_reason: string | null;
  readonly override: { reason: string; at: string; by: string } | null;
}

export interface StatusValidation {
  readonly status: "pass" | "warn" | "fail" | "none" | "unreadable";
  readonly checks: number;
  readonly failed: readonly { processor: string; check: string; severity: string; blocking: boolean; message: string | null }[];
  readonly error?: string;
}

export interface StatusAlert {
  readonly kind: "gate_blocked" | "run_failed";
  readonly since: string;
  readonly subject: string;
  readonly message: string;
}

export interface DateStatus {
  readonly date: string;
  readonly phases: readonly { phase: Phase; runs: readonly StatusRun[]; transition: StatusTransition | null; validation: StatusValidation }[];
  readonly open_alerts: readonly StatusAlert[];
}

function str(v: unknown): string {
  return typeof v === "string" ? v : "";
}

async function transitionStatus(platform: Platform, phase: Phase, date: string): Promise<StatusTransition | null> {
  const spec = catalog.transitions.find((t) => t.from === phase);
  if (!spec) return null;
  const doc = await platform.docStore.get(PHASE_COMPLETIONS, completionDocId(phase, date));
  if (!doc) {
    return { transition: spec.name, into: spec.to, mode: null, state: "none", expected: [], completions: [], missing: [], gate: null, blocked_reasons: [], triggered_at: null, trigger_reason: null, override: null };
  }
  const s = parseCompletionDoc(doc);
  const verdict = completionVerdict(s, spec, platform.clock.now().toISOString());
  return {
    transition: spec.name,
    into: spec.to,
    mode: s.mode,
    state: s.state,
    expected: verdict.expected,
    completions: Object.entries(s.completions).map(([processor, c]) => ({ processor, status: c.status, record_count: c.record_count, completed_at: c.completed_at })),
    missing: verdict.missing,
    gate: s.gate,
    blocked_reasons: s.state === "blocked" ? (s.gate?.reasons ?? []) : [],
    triggered_at: s.triggeredAt,
    trigger_reason: s.triggerReason,
    override: s.override,
  };
}

async function validationStatus(platform: Platform, phase: Phase, date: string): Promise<StatusValidation> {
  const names = phaseProcessorNames(phase, catalog.transitions);
  if (phase === "phase_1_scrapers") return { status: "none", checks: 0, failed: [] };
  try {
    const checks = await latestValidationChecks(platform.warehouse, phase, names, date);
    const failed = checks.filter((c) => !c.passed);
    const status = checks.length === 0 ? "none" : failed.some(isBlocking) ? "fail" : failed.length > 0 ? "warn" : "pass";
    return {
      status,
      checks: checks.length,
      failed: failed.map((c) => ({ processor: c.processor_name, check: c.check_name, severity: c.severity, blocking: isBlocking(c), message: c.message })),
    };
  } catch (err) {
    return { status: "unreadable", checks: 0, failed: [], error: errorMessage(err) };
  }
}

/**
 * Everything known about one ET date, per phase: runs, completions, gate results and blocked
 * reasons, validation, and what is still alerting (blocked gates, scopes whose latest run failed).
 */
export async function dateStatus(platform: Platform, date: string): Promise<DateStatus> {
  const runDocs = await platform.docStore.query(RUNS_COLLECTION, [{ field: "game_date", op: "==", value: date }]);
  const runs: (StatusRun & { phase: string })[] = runDocs
    .map((d) => ({
      phase: str(d.data.phase),
      processor: str(d.data.processor_name),
      scope: str(d.data.scope),
      status: str(d.data.status),
      rows_written: typeof d.data.rows_written === "number" ? d.data.rows_written : 0,
      started_at: str(d.data.started_at),
      error_message: typeof d.data.error_message === "string" ? d.data.error_message : null,
    }))
    .sort((a, b) => a.started_at.localeCompare(b.started_at) || a.processor.localeCompare(b.processor));
  const phases = [];
  for (const phase of PHASES) {
    phases.push({
      phase,
      runs: runs.filter((r) => r.phase === phase).map(({ phase: _phase, ...run }) => run),
      transition: await transitionStatus(platform, phase, date),
      validation: await validationStatus(platform, phase, date),
    });
  }
  const alerts: StatusAlert[] = [];
  for (const p of phases) {
    const t = p.transition;
    if (t?.state === "blocked") alerts.push({ kind: "gate_blocked", since: t.gate?.evaluated_at ?? "", subject: `${t.transition} ${date}`, message: t.blocked_reasons.join("; ") });
  }
  const latest = new Map<string, StatusRun>();
  for (const r of runs) latest.set(`${r.processor}|${r.scope}`, r);
  for (const r of latest.values()) {
    if (r.status === "failed") alerts.push({ kind: "run_failed", since: r.started_at, subject: `${r.processor} ${r.scope}`, message: r.error_message ?? "failed" });
  }
  return { date, phases, open_alerts: alerts };
}
