import type { Logger } from "../monitoring/logger";
import type { Bus } from "../platform/ports/bus";
import type { Clock } from "../platform/ports/clock";
import type { DocStore } from "../platform/ports/doc-store";
import { busDeadLetter, outboxDeadLetter } from "./alert-dead-letter";
import { AlertRouter } from "./alert-router";
import { DEFAULT_ALERTS_CONFIG_FILE, loadAlertsConfig, type AlertsConfig } from "./alerts-config";
import { buildChannels, type ChannelDeps } from "./build-channels";

export interface OpenAlertRouterOptions extends Partial<Omit<ChannelDeps, "bus">> {
  readonly docStore: DocStore;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly bus: Bus;
  /** Routing profile of configs/alerts.yaml: "local" (default) or "gcp". */
  readonly profile?: string;
  /** An already-parsed config (tests, drills); otherwise `configFile` is read. */
  readonly config?: AlertsConfig;
  readonly configFile?: string;
  /** "bus": dead-lettered alerts are also published to the config's dead-letter topic (GCP). */
  readonly deadLetter?: "outbox" | "bus";
}

/**
 * The alert router for a platform, from configs/alerts.yaml and secrets in the environment.
 * Throws at start-up if the profile routes to a channel that cannot be built.
 */
export function openAlertRouter(options: OpenAlertRouterOptions): AlertRouter {
  const source = options.configFile ?? DEFAULT_ALERTS_CONFIG_FILE;
  const config = options.config ?? loadAlertsConfig(source);
  const profile = options.profile ?? "local";
  const { routes, channels } = buildChannels(
    config,
    profile,
    {
      env: options.env ?? process.env,
      bus: options.bus,
      textStream: options.textStream ?? process.stderr,
      jsonStream: options.jsonStream ?? process.stdout,
      alertsFile: options.alertsFile ?? null,
    },
    options.config ? "alerts config" : source,
  );
  return new AlertRouter({
    docStore: options.docStore,
    clock: options.clock,
    logger: options.logger,
    routes,
    channels,
    limits: config.limits,
    retry: config.retry,
    deadLetter: options.deadLetter === "bus" ? busDeadLetter(options.bus, config.dead_letter.topic) : outboxDeadLetter,
  });
}
