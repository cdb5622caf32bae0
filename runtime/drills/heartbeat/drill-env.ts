import { join } from "node:path";
import pino from "pino";
import { catalog } from "../../catalog/catalog";
import { tableId } from "../../catalog/define-table";
import type { ProcessorSpec, TableSpec } from "../../catalog/types";
import { HEARTBEATS_COLLECTION, heartbeatDocumentSchema, type HeartbeatDocument } from "../../monitoring/heartbeat-document";
import { DEFAULT_HEARTBEAT_INTERVAL_SECONDS } from "../../monitoring/heartbeat-settings";
import { RUNS_COLLECTION, RunLedger } from "../../monitoring/run-ledger";
import type { RunRecord } from "../../monitoring/run-record";
import { SimulatedTime } from "../../monitoring/simulated-time";
import { sweepStuckRuns, type SweepReport } from "../../monitoring/stuck-sweeper";
import { DirectoryObjectStore } from "../../platform/local/directory-object-store";
import { DuckDbWarehouse } from "../../platform/local/duckdb-warehouse";
import { FileDocStore } from "../../platform/local/file-doc-store";
import { InProcessBus } from "../../platform/local/in-process-bus";
import type { ClosablePlatform, Platform } from "../../platform/platform";
import { runProcessor, type ProcessorRunRequest } from "../../processors/base/run-processor";
import type { Notification } from "../../platform/ports/notifier";
import { ObservedDocStore } from "./observed-doc-store";

/** Every heartbeat drill starts here, on a game day's morning, and sweeps on the minute like the schedule. */
export const DRILL_START = "2025-03-16T14:00:00.000Z";
export const DRILL_DATE = "2025-03-15";
const SWEEP_PERIOD_MS = 60_000;

export interface DrillEnv {
  readonly time: SimulatedTime;
  readonly store: ObservedDocStore;
  readonly platform: ClosablePlatform & { readonly bus: InProcessBus };
  readonly alerts: Notification[];
  readonly logs: Record<string, unknown>[];
}

/**
 * The embedded adapters (file documents in the drill's dir, DuckDB in memory, the in-process bus)
 * on a simulated clock at the default heartbeat interval; alerts and structured logs are kept for
 * the drill to count.
 */
export async function openDrillEnv(workDir: string, intervalSeconds = DEFAULT_HEARTBEAT_INTERVAL_SECONDS): Promise<DrillEnv> {
  const time = new SimulatedTime(DRILL_START);
  const store = new ObservedDocStore(new FileDocStore(join(workDir, "docstore")), () => time.elapsedMs());
  const logs: Record<string, unknown>[] = [];
  const logger = pino({ level: "info", messageKey: "message" }, { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) });
  const alerts: Notification[] = [];
  const warehouse = await DuckDbWarehouse.open({ path: ":memory:" });
  const platform = {
    warehouse,
    docStore: store,
    bus: new InProcessBus({ topics: catalog.topics, backoffScale: 0 }),
    objectStore: new DirectoryObjectStore(join(workDir, "objects")),
    notifier: {
      notify: (n: Notification) => {
        alerts.push(n);
        return Promise.resolve();
      },
    },
    clock: time,
    logger,
    ledger: new RunLedger(store, time, logger),
    heartbeat: { intervalSeconds, timer: time },
    close: () => warehouse.close(),
  };
  return { time, store, platform, alerts, logs };
}

export function processorSpec(name: string): { spec: ProcessorSpec; table: TableSpec } {
  const spec = catalog.processors.find((p) => p.name === name);
  const table = catalog.tables.find((t) => tableId(t) === spec?.output);
  if (!spec || !table) throw new Error(`drill: processor ${name} is not in the catalog`);
  return { spec, table };
}

/** A run of a catalog processor for the drill's game day on sim data, doing `work` instead of its extract and transform. */
export function runDrillProcessor(platform: Platform, name: string, request: Pick<ProcessorRunRequest, "work">): Promise<RunRecord> {
  return runProcessor(platform, { ...processorSpec(name), scope: DRILL_DATE, gameDate: DRILL_DATE, sourceKind: "sim", work: request.work });
}

/** Work that never returns: a hung call. */
export function never<T>(): Promise<T> {
  return new Promise<T>(() => undefined);
}

/** Lets the run reach its first await (ledger start, heartbeat start) before time moves. */
export async function untilRunsStarted(env: DrillEnv, count: number): Promise<void> {
  for (let i = 0; i < 10_000; i++) {
    if (env.store.writesTo(RUNS_COLLECTION).length >= count) {
      for (let j = 0; j < 5; j++) await new Promise((resolve) => setImmediate(resolve));
      return;
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`drill: ${count} run(s) did not start`);
}

export async function heartbeats(env: DrillEnv): Promise<{ id: string; doc: HeartbeatDocument }[]> {
  return (await env.platform.docStore.query(HEARTBEATS_COLLECTION, [])).map((s) => ({ id: s.id, doc: heartbeatDocumentSchema.parse(s.data) }));
}

export async function ledgerRecords(env: DrillEnv): Promise<RunRecord[]> {
  return (await env.platform.docStore.query(RUNS_COLLECTION, [])).map((s) => s.data as unknown as RunRecord);
}

export interface SweepOutcome {
  readonly reports: SweepReport[];
  readonly errors: string[];
  /** When the sweep that flagged each run ran, by run id. */
  readonly flaggedAt: Map<string, Date>;
}

/**
 * Runs the sweeper on every minute mark like its schedule, `minutes` times, advancing the
 * simulated clock in between; stops early once `done` says so. A sweep that fails is recorded.
 */
export async function sweepEveryMinute(env: DrillEnv, minutes: number, done: (outcome: SweepOutcome) => boolean = () => false, onMinute?: (minute: number) => void): Promise<SweepOutcome> {
  const outcome: SweepOutcome = { reports: [], errors: [], flaggedAt: new Map() };
  for (let minute = 0; minute < minutes; minute++) {
    const now = env.time.now().getTime();
    await env.time.advance(SWEEP_PERIOD_MS - (now % SWEEP_PERIOD_MS));
    onMinute?.(minute);
    try {
      const report = await sweepStuckRuns(env.platform);
      outcome.reports.push(report);
      for (const s of report.stuck) outcome.flaggedAt.set(s.run_id, env.time.now());
    } catch (err) {
      outcome.errors.push(err instanceof Error ? err.message : String(err));
    }
    if (done(outcome)) break;
  }
  return outcome;
}

export const secondsBetween = (from: string | Date, to: Date): number => Math.round((to.getTime() - new Date(from).getTime()) / 1000);
