import { join } from "node:path";
import { Writable } from "node:stream";
import pino from "pino";
import { catalog } from "../catalog/catalog";
import { validationResults } from "../catalog/tables/validation-results";
import type { TopicSpec, TransitionSpec } from "../catalog/types";
import { plannedTransitions } from "../catalog/transitions";
import { RunLedger } from "../monitoring/run-ledger";
import { buildCompletionMessage, type CompletionMessage } from "../messages/completion-message";
import { completionDocId, parseCompletionDoc, PHASE_COMPLETIONS, type CompletionState } from "../orchestration/completion-state";
import { subscribeDeadLetterAlerts } from "../alerts/dead-letter-alert";
import { localHealthProbe, type HealthProbe } from "../orchestration/health-probe";
import type { OrchestratorContext } from "../orchestration/orchestrator-context";
import { completionHandler, transitionFor } from "../orchestration/transition-handler";
import { plannedTopics } from "../catalog/topics";
import { DuckDbWarehouse } from "../platform/local/duckdb-warehouse";
import { FileDocStore } from "../platform/local/file-doc-store";
import { InProcessBus } from "../platform/local/in-process-bus";
import { SimulatedClock } from "../platform/local/simulated-clock";
import { DirectoryObjectStore } from "../platform/local/directory-object-store";
import type { Platform } from "../platform/platform";
import type { Notification, Notifier } from "../platform/ports/notifier";

/** 10:00 ET on 2025-03-16: the overnight transitions for 2025-03-15 are due. */
export const DRILL_START = "2025-03-16T14:00:00.000Z";
export const DRILL_DATE = "2025-03-15";

/** A platform of embedded adapters on a simulated clock, recording alerts and structured log events. */
export interface DrillPlatform extends Platform {
  readonly bus: InProcessBus;
  readonly clock: SimulatedClock;
  readonly alerts: Notification[];
  readonly events: Record<string, unknown>[];
  close(): Promise<void>;
}

class RecordingNotifier implements Notifier {
  readonly sent: Notification[] = [];
  notify(notification: Notification): Promise<void> {
    this.sent.push(notification);
    return Promise.resolve();
  }
}

/** The declared topics plus the planned predictions trigger, so the drills can exercise the 4->5 gates too. */
export const DRILL_TOPICS: readonly TopicSpec[] = [...catalog.topics, ...plannedTopics];
/** The declared transitions (2->3, 3->4) plus the planned 4->5, which the drills sweep, schedule and override. */
export const DRILL_TRANSITIONS: readonly TransitionSpec[] = [...catalog.transitions, ...plannedTransitions];

export async function openDrillPlatform(workDir: string): Promise<DrillPlatform> {
  const clock = new SimulatedClock(DRILL_START);
  const events: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) events.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const logger = pino({ level: "info", messageKey: "message" }, sink);
  const warehouse = await DuckDbWarehouse.open({ path: ":memory:" });
  // The orchestration reads only its own dataset (validation results); the rest would only slow the drill.
  await warehouse.ensureTables(catalog.tables.filter((t) => t.dataset === "nba_orchestration"));
  const docStore = new FileDocStore(join(workDir, "docstore"));
  const notifier = new RecordingNotifier();
  const bus = new InProcessBus({ topics: DRILL_TOPICS, backoffScale: 1, sleep: clock.sleep });
  // Dead letters raise one alert each, as the alert dispatcher does on GCP.
  subscribeDeadLetterAlerts({ bus, notifier, logger }, DRILL_TOPICS);
  return {
    warehouse,
    docStore,
    bus,
    objectStore: new DirectoryObjectStore(join(workDir, "objects")),
    notifier,
    clock,
    logger,
    ledger: new RunLedger(docStore, clock, logger),
    alerts: notifier.sent,
    events,
    close: () => warehouse.close(),
  };
}

export const PHASE3_TO_4: TransitionSpec = transitionFor("phase3-to-phase4");

export function orchestratorOn(platform: Platform, health: HealthProbe = localHealthProbe(platform)): OrchestratorContext {
  return { platform, health, healthTimeoutMs: 2_000, transitions: DRILL_TRANSITIONS };
}

/** Wires the 3->4 handler to its subscription and counts what reaches the phase-4 trigger. */
export function wirePhase3To4(platform: DrillPlatform, ctx: OrchestratorContext): { triggers: unknown[] } {
  const triggers: unknown[] = [];
  const completion = DRILL_TOPICS.find((t) => t.name === PHASE3_TO_4.completionTopic)?.subscriptions[0];
  const trigger = DRILL_TOPICS.find((t) => t.name === PHASE3_TO_4.triggerTopic)?.subscriptions[0];
  if (!completion || !trigger) throw new Error("catalog: phase 3->4 topics are missing");
  platform.bus.subscribe(completion.name, completionHandler(ctx, PHASE3_TO_4));
  platform.bus.subscribe(trigger.name, (delivery) => {
    triggers.push(delivery.body);
    return Promise.resolve({ kind: "ack" });
  });
  return { triggers };
}

export function analyticsCompletion(processor: string, gameDate: string, at: Date): CompletionMessage {
  return buildCompletionMessage({
    processor_name: processor,
    phase: "phase_3_analytics",
    execution_id: `drill-${processor}-${gameDate}`,
    correlation_id: `drill-${gameDate}`,
    game_date: gameDate,
    status: "success",
    timestamp: at.toISOString(),
    output_dataset: "nba_analytics",
    output_table: processor,
    record_count: 20,
  });
}

/** Publishes every overnight phase-3 completion of a date onto the bus (as the processors would). */
export async function completePhase3(platform: DrillPlatform, gameDate: string): Promise<void> {
  for (const e of PHASE3_TO_4.expected.overnight) await platform.bus.publish(PHASE3_TO_4.completionTopic, analyticsCompletion(e.processor, gameDate, platform.clock.now()));
}

/** A validation result row as the validator writes it (nba_orchestration.validation_results). */
export async function writeValidationResult(platform: Platform, fields: { runId: string; gameDate: string; processor: string; processorType?: string; check: string; passed: boolean; severity: string; at: Date }): Promise<void> {
  const at = fields.at.toISOString();
  await platform.warehouse.append(validationResults, [
    {
      validation_run_id: fields.runId,
      validation_timestamp: at,
      processor_name: fields.processor,
      processor_type: fields.processorType ?? "analytics",
      date_range_start: fields.gameDate,
      date_range_end: fields.gameDate,
      season_year: 2024,
      check_name: fields.check,
      check_type: "data_integrity",
      validation_layer: "bigquery",
      passed: fields.passed,
      severity: fields.passed ? "info" : fields.severity,
      message: fields.passed ? "no violation" : "drill: 3 games with one team row",
      affected_count: fields.passed ? 0 : 3,
      affected_items: null,
      query_used: null,
      execution_duration_seconds: 0.1,
      remediation_commands: null,
      remediation_generated: false,
      overall_status: fields.passed ? "pass" : "fail",
      validator_version: "drill",
      created_at: at,
      source_kind: "sim",
    },
  ]);
}

export async function stateOf(platform: Platform, spec: TransitionSpec, gameDate: string): Promise<CompletionState | null> {
  const doc = await platform.docStore.get(PHASE_COMPLETIONS, completionDocId(spec.from, gameDate));
  return doc ? parseCompletionDoc(doc) : null;
}

export function countEvents(platform: DrillPlatform, event: string): number {
  return platform.events.filter((e) => e.event === event).length;
}

export function deliveriesOn(platform: DrillPlatform, subscription: string): number {
  return platform.bus.deliveries.filter((d) => d.subscription === subscription).length;
}

export function phase3CompletionSubscription(): string {
  const name = DRILL_TOPICS.find((t) => t.name === PHASE3_TO_4.completionTopic)?.subscriptions[0]?.name;
  if (!name) throw new Error("catalog: no phase-3 completion subscription");
  return name;
}
