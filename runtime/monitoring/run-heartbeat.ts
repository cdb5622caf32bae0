import type { Platform } from "../platform/platform";
import { Heartbeat, type TerminalStatus } from "./heartbeat";
import type { HeartbeatTrigger } from "./heartbeat-document";
import { heartbeatSettingsFromEnv, type HeartbeatSettings } from "./heartbeat-settings";
import type { RunRecord, RunStatus } from "./run-record";

let fromEnv: HeartbeatSettings | null = null;

function settingsOf(platform: Platform): HeartbeatSettings {
  if (platform.heartbeat) return platform.heartbeat;
  fromEnv ??= heartbeatSettingsFromEnv();
  return fromEnv;
}

/** Starts the heartbeat of a run the ledger just recorded (the shared bases call this, nothing else does). */
export function startRunHeartbeat(platform: Platform, run: RunRecord, options: { readonly stallLimitSeconds: number; readonly trigger?: { readonly topic: string; readonly body: unknown } }): Heartbeat {
  const trigger: HeartbeatTrigger | null = options.trigger ? { topic: options.trigger.topic, body_json: JSON.stringify(options.trigger.body) } : null;
  return Heartbeat.start(
    { store: platform.docStore, clock: platform.clock, logger: platform.logger, settings: settingsOf(platform) },
    { phase: run.phase, processorName: run.processor_name, scope: run.scope, runId: run.run_id, startedAt: run.started_at, stallLimitSeconds: options.stallLimitSeconds, trigger },
  );
}

/** The heartbeat state a ledger status ends in: anything but failed completed the run. */
export function terminalStatusOf(status: RunStatus): TerminalStatus {
  return status === "failed" || status === "running" ? "failed" : "completed";
}
