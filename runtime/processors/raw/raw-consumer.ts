import { createHash } from "node:crypto";
import { z } from "zod";
import { catalog } from "../../catalog/catalog";
import type { ProcessorSpec } from "../../catalog/types";
import type { EmptyReason, RunRecord } from "../../monitoring/run-record";
import { completionMessageSchema, type CompletionMessage } from "../../messages/completion-message";
import { COMPLETION_TOPIC } from "../../messages/phase-topics";
import type { Platform } from "../../platform/platform";
import type { Delivery, HandlerOutcome } from "../../platform/ports/bus";
import { judgeCoverage } from "../base/coverage";
import { emptyReasonFor, scheduleDay } from "../base/empty-reason";
import { ProcessorError } from "../base/processor-error";
import { shouldRedeliver } from "../base/redelivery";
import { runProcessor } from "../base/run-processor";
import type { WorkOutput } from "../base/work-output";
import { rawProcessors } from "./index";
import { gamePlayers } from "./game-players";
import { scheduledGames } from "./scheduled-games";
import type { RawProcessorDefinition } from "./raw-processor";
import { errorMessage } from "../../domain/error-message";
import { SOURCE_KINDS } from "../../domain/source-kind";
import { seasonLabel, seasonYearForDate } from "../../domain/season";

/** What a phase-1 message with a payload must carry for a raw processor to find and attribute it. */
const phase1Metadata = z.looseObject({
  object_path: z.string().min(1),
  gcs_path: z.string().min(1),
  scope_key: z.string().min(1),
  source: z.string().min(1),
  source_kind: z.enum(SOURCE_KINDS),
});

/** A `no_data` or `failed` phase-1 message carries no payload: only its scope, provenance and why. */
const emptyPhase1Metadata = z.looseObject({
  scope_key: z.string().min(1).optional(),
  source_kind: z.enum(SOURCE_KINDS).optional(),
  empty_reason: z.enum(["no_games_scheduled", "source_not_final", "real_gap"]).optional(),
});

export const RAW_SUBSCRIPTION = "nba-phase1-scrapers-complete--raw-processors";

/** The raw processors that read a scraper's payloads (catalog inputs). */
export function processorsFor(scraper: string): ProcessorSpec[] {
  return catalog.processors.filter((p) => p.phase === "phase_2_raw" && p.inputs.includes(scraper));
}

/** A phase-1 message no raw processor can use: permanent, so it is recorded and alerted, never retried. */
export class InvalidPhase1Message extends Error {
  readonly code = "INVALID_MESSAGE";
  constructor(message: string) {
    super(message);
    this.name = "InvalidPhase1Message";
  }
}

/**
 * Runs every raw processor that reads the scraper named in a phase-1 message. A `no_data` or
 * `failed` upstream is a normal input (issue 8): each processor records a run (`no_data`, or
 * `failed` with `UPSTREAM_FAILED`, already alerted by the scraper) and nothing is retried.
 */
export async function runRawProcessors(platform: Platform, message: CompletionMessage, triggerMessageId: string): Promise<RunRecord[]> {
  const runs: RunRecord[] = [];
  for (const spec of processorsFor(message.processor_name)) {
    const definition = rawProcessors.find((d) => d.name === spec.name);
    if (!definition) throw new Error(`raw processor ${spec.name} is in the catalog but has no implementation`);
    runs.push(message.status === "success" || message.status === "partial" ? await runOnPayload(platform, message, triggerMessageId, spec, definition) : await runOnEmptyUpstream(platform, message, triggerMessageId, spec, definition));
  }
  return runs;
}

function common(message: CompletionMessage, triggerMessageId: string, spec: ProcessorSpec, definition: RawProcessorDefinition) {
  return {
    spec,
    table: definition.table,
    gameDate: message.game_date,
    correlationId: message.correlation_id,
    parentProcessor: message.processor_name,
    triggerMessageId,
    trigger: { topic: COMPLETION_TOPIC.phase_1_scrapers, body: message },
  };
}

async function runOnEmptyUpstream(platform: Platform, message: CompletionMessage, triggerMessageId: string, spec: ProcessorSpec, definition: RawProcessorDefinition): Promise<RunRecord> {
  const meta = emptyPhase1Metadata.safeParse(message.metadata ?? {});
  if (!meta.success) throw new InvalidPhase1Message(`${message.processor_name} ${message.status} message: metadata ${meta.error.issues[0]?.path.join(".") ?? "?"}: ${meta.error.issues[0]?.message ?? "invalid"}`);
  const scope = meta.data.scope_key ?? (definition.scope === "date" ? message.game_date : seasonLabel(seasonYearForDate(message.game_date)));
  // A message without a source kind cannot say where its (absent) data came from; the data dir's kind is checked elsewhere.
  const sourceKind = meta.data.source_kind ?? "replay";
  return runProcessor(platform, {
    ...common(message, triggerMessageId, spec, definition),
    scope,
    sourceKind,
    work: async (): Promise<WorkOutput> => {
      if (message.status === "failed") {
        throw new ProcessorError("UPSTREAM_FAILED", `${message.processor_name} failed for ${scope} (${message.error_type ?? "error"}: ${message.error_message ?? "no message"}); nothing to load`);
      }
      const reason: EmptyReason =
        meta.data.empty_reason ?? (definition.scope === "date" ? emptyReasonFor(await scheduleDay(platform.warehouse, message.game_date)) : "real_gap");
      return { rows: [], quarantined: [], recordsReceived: message.record_count ?? 0, emptyReason: reason, metadata: { upstream_status: message.status } };
    },
  });
}

async function runOnPayload(platform: Platform, message: CompletionMessage, triggerMessageId: string, spec: ProcessorSpec, definition: RawProcessorDefinition): Promise<RunRecord> {
  const parsedMeta = phase1Metadata.safeParse(message.metadata ?? {});
  if (!parsedMeta.success) {
    const issue = parsedMeta.error.issues[0];
    throw new InvalidPhase1Message(`${message.processor_name} ${message.status} message: metadata ${issue?.path.join(".") ?? "?"}: ${issue?.message ?? "invalid"}`);
  }
  const meta = parsedMeta.data;
  return runProcessor(platform, {
    ...common(message, triggerMessageId, spec, definition),
    scope: meta.scope_key,
    sourceKind: meta.source_kind,
    objectPath: meta.gcs_path,
    work: async (): Promise<WorkOutput> => {
      const bytes = await platform.objectStore.get(meta.object_path);
      const inputHash = createHash("sha256").update(bytes).digest("hex");
      let payload: unknown;
      try {
        payload = JSON.parse(bytes.toString("utf8"));
      } catch (err) {
        throw new ProcessorError("INPUT_INVALID", `${meta.source}: not valid JSON (${errorMessage(err)}); nothing was written`);
      }
      // One read of the date's games serves both the parse and the coverage check.
      const schedule = definition.needsSchedule || definition.coverage === "schedule_final_games" ? await scheduledGames(platform.warehouse, message.game_date) : undefined;
      const parsed = definition.parse(payload, {
        source: meta.source,
        objectUri: meta.gcs_path,
        scope: meta.scope_key,
        gameDate: message.game_date,
        processedAt: platform.clock.now().toISOString(),
        ...(definition.needsSchedule && schedule ? { schedule } : {}),
        ...(definition.needsGamePlayers ? { gamePlayers: await gamePlayers(platform.warehouse, message.game_date) } : {}),
      });
      let rows = parsed.rows;
      let quarantined = parsed.quarantined;
      let missingGames: string[] = [];
      if (definition.coverage === "schedule_final_games") {
        const coverage = judgeCoverage(definition.table, parsed.rows, schedule ?? [], meta.source);
        rows = coverage.rows;
        quarantined = [...parsed.quarantined, ...coverage.unknown];
        missingGames = coverage.missingGames;
      }
      const nothing = rows.length === 0 && quarantined.length === 0;
      // An empty season file is a failure, never "not final" (issue 8); a date is judged against its schedule.
      const emptyReason: EmptyReason | undefined = !nothing
        ? undefined
        : definition.scope === "date"
          ? emptyReasonFor(await scheduleDay(platform.warehouse, message.game_date))
          : parsed.filtered > 0
            ? undefined
            : "real_gap";
      return {
        rows,
        quarantined,
        recordsReceived: message.record_count,
        rowsFiltered: parsed.filtered,
        emptyReason,
        missingGames: emptyReason === undefined ? missingGames : [],
        inputHash,
        metadata: { source: meta.source, ...parsed.metadata },
      };
    },
  });
}

/**
 * The push handler of the raw-processors subscription. Bad messages and bad data are permanent:
 * recorded (run ledger, quarantine, alert) and acknowledged, never retried into a storm; only a
 * transient failure asks for redelivery.
 */
export function rawConsumer(platform: Platform, onRun: (run: RunRecord) => void): (delivery: Delivery) => Promise<HandlerOutcome> {
  const invalid = async (delivery: Delivery, reason: string): Promise<HandlerOutcome> => {
    await platform.notifier.notify({
      severity: "error",
      title: "invalid phase-1 message dropped",
      message: reason,
      context: { message_id: delivery.messageId, subscription: delivery.subscription },
      source: "raw-processors",
      category: "invalid_message",
      scope: delivery.subscription,
    });
    return { kind: "ack" };
  };
  return async (delivery) => {
    const parsed = completionMessageSchema.safeParse(delivery.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return invalid(delivery, `field ${issue?.path.join(".") ?? "?"}: ${issue?.message ?? "invalid"}`);
    }
    let runs: RunRecord[];
    try {
      runs = await runRawProcessors(platform, parsed.data, delivery.messageId);
    } catch (err) {
      if (err instanceof InvalidPhase1Message) return invalid(delivery, err.message);
      throw err;
    }
    for (const run of runs) onRun(run);
    const retry = runs.find(shouldRedeliver);
    return retry ? { kind: "retry", reason: `${retry.processor_name}: ${retry.error_type ?? "retryable"}: ${retry.error_message ?? ""}` } : { kind: "ack" };
  };
}
