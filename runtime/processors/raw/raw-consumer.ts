import { z } from "zod";
import { catalog } from "../../catalog/catalog";
import type { ProcessorSpec } from "../../catalog/types";
import type { RunRecord } from "../../monitoring/run-record";
import { completionMessageSchema, type CompletionMessage } from "../../messages/completion-message";
import { COMPLETION_TOPIC } from "../../messages/phase-topics";
import type { Platform } from "../../platform/platform";
import type { Delivery, HandlerOutcome } from "../../platform/ports/bus";
import { emptyReasonFor, scheduleDay } from "../base/empty-reason";
import { ProcessorError } from "../base/processor-error";
import { shouldRedeliver } from "../base/redelivery";
import { runProcessor } from "../base/run-processor";
import { rawProcessors } from "./index";
import { scheduledGames } from "./scheduled-games";
import { errorMessage } from "../../domain/error-message";
import { SOURCE_KINDS } from "../../domain/source-kind";

/** What a phase-1 message must carry for a raw processor to find and attribute its payload. */
const phase1Metadata = z.looseObject({
  object_path: z.string().min(1),
  gcs_path: z.string().min(1),
  scope_key: z.string().min(1),
  source: z.string().min(1),
  source_kind: z.enum(SOURCE_KINDS),
});

export const RAW_SUBSCRIPTION = "nba-phase1-scrapers-complete--raw-processors";

function processorsFor(scraper: string): ProcessorSpec[] {
  return catalog.processors.filter((p) => p.phase === "phase_2_raw" && p.inputs.includes(scraper));
}

/** Runs every raw processor that reads the scraper named in a phase-1 message. */
export async function runRawProcessors(platform: Platform, message: CompletionMessage, triggerMessageId: string): Promise<RunRecord[]> {
  // A scraper run that found nothing (no games, or a source a replay capture lacks) stored no payload:
  // nothing to parse, and never a schema error to redeliver into the dead letter.
  if (message.status === "failed" || message.status === "no_data") return [];
  const meta = phase1Metadata.parse(message.metadata);
  const runs: RunRecord[] = [];
  for (const spec of processorsFor(message.processor_name)) {
    const definition = rawProcessors.find((d) => d.name === spec.name);
    if (!definition) throw new Error(`raw processor ${spec.name} is in the catalog but has no implementation`);
    const run = await runProcessor(platform, {
      spec,
      table: definition.table,
      scope: meta.scope_key,
      gameDate: message.game_date,
      sourceKind: meta.source_kind,
      correlationId: message.correlation_id,
      parentProcessor: message.processor_name,
      triggerMessageId,
      trigger: { topic: COMPLETION_TOPIC.phase_1_scrapers, body: message },
      work: async () => {
        const bytes = await platform.objectStore.get(meta.object_path);
        let payload: unknown;
        try {
          payload = JSON.parse(bytes.toString("utf8"));
        } catch (err) {
          throw new ProcessorError("INPUT_INVALID", `${meta.source}: not valid JSON (${errorMessage(err)}); nothing was written`);
        }
        const parsed = definition.parse(payload, {
          source: meta.source,
          objectUri: meta.gcs_path,
          scope: meta.scope_key,
          gameDate: message.game_date,
          processedAt: platform.clock.now().toISOString(),
          ...(definition.needsSchedule ? { schedule: await scheduledGames(platform.warehouse, message.game_date) } : {}),
        });
        const emptyReason =
          parsed.rows.length === 0 && parsed.quarantined.length === 0
            ? definition.scope === "date"
              ? emptyReasonFor(await scheduleDay(platform.warehouse, message.game_date))
              : "source_not_final"
            : undefined;
        return {
          rows: parsed.rows,
          quarantined: parsed.quarantined,
          recordsReceived: message.record_count,
          rowsFiltered: parsed.filtered,
          emptyReason,
          metadata: { source: meta.source },
        };
      },
    });
    runs.push(run);
  }
  return runs;
}

/**
 * The push handler of the raw-processors subscription. Bad messages and bad data are permanent:
 * recorded (run ledger, quarantine, alert) and acknowledged, never retried into a storm.
 */
export function rawConsumer(platform: Platform, onRun: (run: RunRecord) => void): (delivery: Delivery) => Promise<HandlerOutcome> {
  return async (delivery) => {
    const parsed = completionMessageSchema.safeParse(delivery.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      await platform.notifier.notify({
        severity: "error",
        title: "invalid phase-1 message dropped",
        message: `field ${issue?.path.join(".") ?? "?"}: ${issue?.message ?? "invalid"}`,
        context: { message_id: delivery.messageId, subscription: delivery.subscription },
        source: "raw-processors",
        category: "invalid_message",
        scope: delivery.subscription,
      });
      return { kind: "ack" };
    }
    const runs = await runRawProcessors(platform, parsed.data, delivery.messageId);
    for (const run of runs) onRun(run);
    const retry = runs.find(shouldRedeliver);
    return retry ? { kind: "retry", reason: `${retry.processor_name}: ${retry.error_type ?? "retryable"}: ${retry.error_message ?? ""}` } : { kind: "ack" };
  };
}
