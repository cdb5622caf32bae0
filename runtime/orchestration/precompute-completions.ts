import { catalog } from "../catalog/catalog";
import { buildCompletionMessage } from "../messages/completion-message";
import { COMPLETION_TOPIC } from "../messages/phase-topics";
import type { PhaseTrigger } from "../messages/phase-trigger";
import type { RunRecord } from "../monitoring/run-record";
import type { Platform } from "../platform/platform";

const ERROR_MESSAGE_MAX = 1000;

/**
 * One phase-4 completion per date a precompute run covered (DOMAIN §6.2). A range run computes
 * many dates in one pass, but the 4->5 transition counts completions per game date, so each date
 * gets its own message; `record_count` is left out because the run counts rows for the whole
 * range (`metadata.rows_written_in_scope`), not per date.
 */
export async function publishPrecomputeCompletions(platform: Platform, run: RunRecord, dates: readonly string[], triggers: ReadonlyMap<string, PhaseTrigger>): Promise<void> {
  if (run.status === "running") return;
  const output = catalog.processors.find((p) => p.name === run.processor_name)?.output ?? "";
  const [dataset, table] = output.split(".");
  for (const date of dates) {
    const trigger = triggers.get(date);
    const message = buildCompletionMessage({
      processor_name: run.processor_name,
      phase: "phase_4_precompute",
      execution_id: run.run_id,
      correlation_id: trigger?.correlation_id ?? run.correlation_id,
      game_date: date,
      status: run.status,
      timestamp: platform.clock.now().toISOString(),
      output_dataset: dataset,
      output_table: table,
      duration_seconds: run.duration_ms === null ? undefined : run.duration_ms / 1000,
      trigger_source: trigger ? "pubsub" : "manual",
      trigger_message_id: trigger?.execution_id,
      error_message: run.error_message?.slice(0, ERROR_MESSAGE_MAX),
      error_type: run.error_type,
      metadata: { scope: run.scope, source_kind: run.source_kind, rows_written_in_scope: run.rows_written, dependency_check_passed: run.status !== "failed" },
    });
    await platform.bus.publish(COMPLETION_TOPIC.phase_4_precompute, message);
  }
}
