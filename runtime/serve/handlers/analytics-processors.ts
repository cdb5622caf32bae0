import { z } from "zod";
import { catalog } from "../../catalog/catalog";
import type { RunRecord } from "../../monitoring/run-record";
import { analyticsProcessors } from "../../processors/analytics";
import { runAnalytics } from "../../processors/analytics/run-analytics";
import { SOURCE_KINDS } from "../../domain/source-kind";
import { resultOfRuns, type PushHandler } from "../push-result";
import { completionInput } from "./completion-input";

/**
 * Phase 3: a phase-2 completion for a game date runs the analytics processors for that date in
 * dependency order (each MERGEs, so a second raw completion for the same date rewrites the
 * same rows). A processor whose input failed is not run: fail closed.
 */
export const analyticsProcessorsHandler: PushHandler = async (platform, delivery) => {
  const input = completionInput(delivery, "phase_2_raw");
  if (!input.ok) return { kind: "rejected", reason: input.reason };
  const message = input.message;
  if (message.status === "failed") return { kind: "done", runs: [] };
  const sourceKind = z.enum(SOURCE_KINDS).safeParse(message.metadata?.source_kind);
  if (!sourceKind.success) return { kind: "rejected", reason: `metadata.source_kind: expected one of ${SOURCE_KINDS.join(", ")}, got ${JSON.stringify(message.metadata?.source_kind)}` };
  const runs: RunRecord[] = [];
  const failedOutputs = new Set<string>();
  for (const processor of analyticsProcessors) {
    const spec = catalog.processors.find((p) => p.name === processor.name);
    if (spec?.inputs.some((i) => failedOutputs.has(i))) {
      failedOutputs.add(spec.output);
      continue;
    }
    const run = await runAnalytics(platform, processor, message.game_date, sourceKind.data, message.correlation_id);
    runs.push(run);
    if (run.status === "failed" && spec) failedOutputs.add(spec.output);
  }
  return resultOfRuns(runs);
};
