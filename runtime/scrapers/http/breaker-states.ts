import { z } from "zod";
import type { DocStore } from "../../platform/ports/doc-store";
import type { SourceFamily } from "../config/scrapers-config";

/** The doc-store collection of circuit-breaker states (catalog docCollections): one document per source. */
export const SOURCE_BREAKERS_COLLECTION = "source_breakers";

/** What cockatiel's CircuitBreakerPolicy.toJSON() gives for a ConsecutiveBreaker (closed 0, open 1; half-open is stored as open). */
const breakerStateSchema = z.object({
  ownState: z.object({ value: z.union([z.literal(0), z.literal(1)]), openedAt: z.number().optional(), attemptNo: z.number().int().optional() }),
  breakerState: z.number().int().nonnegative(),
});

export type BreakerState = z.infer<typeof breakerStateSchema>;

/** Where breaker states outlive a process: every Cloud Run job execution is a new one. */
export interface BreakerStates {
  load(family: SourceFamily): Promise<BreakerState | undefined>;
  save(family: SourceFamily, state: unknown): Promise<void>;
}

/** Breaker states in the doc store; a stored state that does not parse starts the breaker closed. */
export function docStoreBreakerStates(docStore: DocStore, now: () => Date): BreakerStates {
  return {
    async load(family) {
      const doc = await docStore.get(SOURCE_BREAKERS_COLLECTION, family);
      const parsed = breakerStateSchema.safeParse(doc?.state);
      return parsed.success ? parsed.data : undefined;
    },
    async save(family, state) {
      const parsed = breakerStateSchema.safeParse(state);
      // An isolated breaker (held open by hand) is this process's business, not the next one's.
      if (parsed.success) await docStore.set(SOURCE_BREAKERS_COLLECTION, family, { source: family, state: parsed.data, updated_at: now().toISOString() });
    },
  };
}
