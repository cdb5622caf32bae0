import type { Phase } from "../../catalog/types";
import { completionMessageSchema, type CompletionMessage } from "../../messages/completion-message";
import type { Delivery } from "../../platform/ports/bus";

/** A delivery's body as the completion message of one phase, or why it is not one. */
export function completionInput(delivery: Delivery, phase: Phase): { ok: true; message: CompletionMessage } | { ok: false; reason: string } {
  const parsed = completionMessageSchema.safeParse(delivery.body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `not a completion message: field ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}` };
  }
  if (parsed.data.phase !== phase) return { ok: false, reason: `expected a ${phase} completion, got ${parsed.data.phase} from ${parsed.data.processor_name}` };
  return { ok: true, message: parsed.data };
}
