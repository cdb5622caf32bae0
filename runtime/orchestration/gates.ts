import type { TransitionSpec } from "../catalog/types";
import { errorMessage } from "../domain/error-message";
import type { GateCheck } from "./completion-state";
import type { OrchestratorContext } from "./orchestrator-context";
import { blockingValidationResults } from "./validation-gate";

const DEFAULT_HEALTH_TIMEOUT_MS = 10_000;

async function healthGate(ctx: OrchestratorContext, spec: TransitionSpec): Promise<GateCheck> {
  const timeoutMs = ctx.healthTimeoutMs ?? DEFAULT_HEALTH_TIMEOUT_MS;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const aborted = new Promise<never>((_, reject) => signal.addEventListener("abort", () => reject(new Error(`no answer within ${timeoutMs} ms`)), { once: true }));
    const result = await Promise.race([ctx.health.check(spec.nextRole, signal), aborted]);
    return { gate: "health", passed: result.healthy, detail: result.detail };
  } catch (err) {
    return { gate: "health", passed: false, detail: `${spec.nextRole}: ${errorMessage(err)}` };
  }
}

async function validationGate(ctx: OrchestratorContext, spec: TransitionSpec, gameDate: string, notBefore?: string): Promise<GateCheck> {
  try {
    const blocking = await blockingValidationResults(ctx.platform.warehouse, spec, gameDate, notBefore);
    if (blocking.length === 0) return { gate: "validation", passed: true, detail: `no blocking ${spec.from} validation failure for ${gameDate}` };
    const listed = blocking
      .slice(0, 5)
      .map((b) => `${b.processor_name}.${b.check_name} (${b.severity})`)
      .join(", ");
    return { gate: "validation", passed: false, detail: `${blocking.length} blocking check(s) failed for ${gameDate}: ${listed}${blocking.length > 5 ? ", ..." : ""}` };
  } catch (err) {
    // Unreadable results are not a pass: fail closed.
    return { gate: "validation", passed: false, detail: `validation results unreadable: ${errorMessage(err)}` };
  }
}

/**
 * Every gate of a transition for a date; a gate that throws or hangs fails, it never passes.
 * `notBefore`: the first completion of the set; validation results older than it judged replaced rows.
 */
export async function runGates(ctx: OrchestratorContext, spec: TransitionSpec, gameDate: string, notBefore?: string): Promise<GateCheck[]> {
  return Promise.all([healthGate(ctx, spec), validationGate(ctx, spec, gameDate, notBefore)]);
}
