import type { PushHandler } from "../push-result";
import { completionInput } from "./completion-input";

export const PHASE_COMPLETIONS_COLLECTION = "phase_completions";

/**
 * Records each phase-3 completion under its phase and game date, one entry per processor (the
 * latest wins). Gates and next-phase triggers read these records once the orchestration issue
 * adds them; until then recording is all this role does.
 */
export const phaseOrchestratorHandler: PushHandler = async (platform, delivery) => {
  const input = completionInput(delivery, "phase_3_analytics");
  if (!input.ok) return { kind: "rejected", reason: input.reason };
  const m = input.message;
  const id = `${m.phase}--${m.game_date}`;
  await platform.docStore.transaction(async (tx) => {
    const existing = await tx.get(PHASE_COMPLETIONS_COLLECTION, id);
    const processors = (existing?.processors ?? {}) as Record<string, unknown>;
    tx.set(PHASE_COMPLETIONS_COLLECTION, id, {
      phase: m.phase,
      game_date: m.game_date,
      processors: {
        ...processors,
        [m.processor_name]: { status: m.status, execution_id: m.execution_id, record_count: m.record_count ?? null, message_id: delivery.messageId, timestamp: m.timestamp },
      },
      updated_at: platform.clock.now().toISOString(),
    });
  });
  return { kind: "done", runs: [] };
};
