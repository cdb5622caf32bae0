import type { Bus } from "../platform/ports/bus";
import { AlertsConfigError, type AlertsConfig, type ChannelConfig, type RouteConfig } from "./alerts-config";
import type { AlertChannel } from "./channels/alert-channel";
import { ConsoleChannel } from "./channels/console-channel";
import { EmailChannel } from "./channels/email-channel";
import { PubSubChannel } from "./channels/pubsub-channel";
import { SlackChannel } from "./channels/slack-channel";

export interface ChannelDeps {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly bus: Bus;
  /** Where text console lines go (stderr locally) and JSON lines go (stdout on Cloud Run). */
  readonly textStream: { write(text: string): unknown };
  readonly jsonStream: { write(text: string): unknown };
  readonly alertsFile: string | null;
}

function required(env: ChannelDeps["env"], name: string, channel: string, what: string, problems: string[]): string {
  const value = env[name];
  if (value === undefined || value.trim() === "") {
    problems.push(`channel "${channel}": environment variable ${name} (${what}) is not set`);
    return "";
  }
  return value;
}

function build(name: string, config: ChannelConfig, deps: ChannelDeps, problems: string[]): AlertChannel {
  switch (config.kind) {
    case "console":
      return new ConsoleChannel(name, config.format, config.format === "json" ? deps.jsonStream : deps.textStream, config.format === "text" ? deps.alertsFile : null);
    case "slack": {
      const url = required(deps.env, config.webhook_url_env, name, "the Slack incoming-webhook URL", problems);
      if (url && !/^https?:\/\//.test(url)) problems.push(`channel "${name}": ${config.webhook_url_env} is not an http(s) URL`);
      return new SlackChannel(name, url, config.timeout_ms);
    }
    case "email": {
      const host = required(deps.env, config.host_env, name, "the SMTP host", problems);
      const from = required(deps.env, config.from_env, name, "the sender address", problems);
      const portText = deps.env[config.port_env];
      const port = portText === undefined || portText === "" ? (config.secure ? 465 : 587) : Number(portText);
      if (!Number.isInteger(port) || port <= 0 || port > 65535) problems.push(`channel "${name}": ${config.port_env} is not a port number`);
      const user = deps.env[config.user_env] || null;
      const password = deps.env[config.password_env] || null;
      if ((user === null) !== (password === null)) problems.push(`channel "${name}": set both ${config.user_env} and ${config.password_env}, or neither`);
      return new EmailChannel(name, { host, port, secure: config.secure, user, password, from, to: config.to, timeoutMs: config.timeout_ms });
    }
    case "pubsub":
      return new PubSubChannel(name, deps.bus, config.topic);
  }
}

/**
 * The channels a profile's routes use, built from their secrets in the environment. Any channel
 * that cannot be built is a start-up error listing every missing piece; nothing degrades to a no-op.
 */
export function buildChannels(config: AlertsConfig, profile: string, deps: ChannelDeps, source = "alerts config"): { routes: readonly RouteConfig[]; channels: ReadonlyMap<string, AlertChannel> } {
  const selected = config.profiles[profile];
  if (!selected) throw new AlertsConfigError(source, [`no routing profile "${profile}"; profiles: ${Object.keys(config.profiles).join(", ")}`]);
  const problems: string[] = [];
  const channels = new Map<string, AlertChannel>();
  for (const name of new Set(selected.routes.flatMap((r) => r.channels))) {
    const channelConfig = config.channels[name];
    if (!channelConfig) problems.push(`route to channel "${name}", which is not declared`);
    else channels.set(name, build(name, channelConfig, deps, problems));
  }
  if (problems.length > 0) throw new AlertsConfigError(source, problems.map((p) => `profile ${profile}: ${p}`));
  return { routes: selected.routes, channels };
}
