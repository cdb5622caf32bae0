import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { describeConfigIssue } from "../domain/config-issue";
import { ConfigError } from "../domain/config-error";

const SEVERITIES = ["info", "warning", "error", "critical"] as const;
const envName = z.string().regex(/^[A-Z][A-Z0-9_]*$/, "an environment variable name such as SLACK_WEBHOOK_URL");

const consoleChannel = z.strictObject({
  kind: z.literal("console"),
  format: z.enum(["text", "json"]).default("text").describe("text: one line for a person (and a JSON line in alerts.log locally); json: one Cloud Logging structured line on stdout"),
});

const slackChannel = z.strictObject({
  kind: z.literal("slack"),
  webhook_url_env: envName.default("SLACK_WEBHOOK_URL").describe("environment variable holding the incoming-webhook URL (a secret)"),
  timeout_ms: z.number().int().positive().default(10_000),
});

const emailChannel = z.strictObject({
  kind: z.literal("email"),
  to: z.array(z.email("an e-mail address")).min(1, "at least one recipient"),
  host_env: envName.default("SMTP_HOST"),
  port_env: envName.default("SMTP_PORT"),
  user_env: envName.default("SMTP_USER"),
  password_env: envName.default("SMTP_PASSWORD"),
  from_env: envName.default("SMTP_FROM"),
  secure: z.boolean().default(false).describe("true: TLS from the first byte (port 465); false: STARTTLS when the server offers it"),
  timeout_ms: z.number().int().positive().default(10_000),
});

const pubsubChannel = z.strictObject({
  kind: z.literal("pubsub"),
  topic: z.string().min(1),
});

const channelSchema = z.discriminatedUnion("kind", [consoleChannel, slackChannel, emailChannel, pubsubChannel]);

const routeSchema = z.strictObject({
  severities: z.array(z.enum(SEVERITIES)).min(1).optional().describe("matches these severities (absent: every severity)"),
  categories: z.array(z.string().min(1)).min(1).optional().describe("matches these categories (absent: every category)"),
  channels: z.array(z.string().min(1)).min(1),
});

const limitSchema = z.strictObject({
  window_seconds: z.number().int().positive().describe("repeats of a key within this window are folded into one summary sent at its end"),
  summary_threshold: z.number().int().positive().describe("a summary goes out early once this many repeats are folded"),
  hourly_cap: z.number().int().min(2).describe("at most this many messages per key per hour (the first occurrence and summaries)"),
});

const profileSchema = z
  .strictObject({ routes: z.array(routeSchema).min(1) })
  .refine((p) => {
    const last = p.routes[p.routes.length - 1];
    return last !== undefined && last.severities === undefined && last.categories === undefined;
  }, { message: "the last route must match everything (no severities, no categories), so no alert goes unrouted", path: ["routes"] });

export const alertsConfigSchema = z.strictObject({
  channels: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/, "a channel name: lowercase letters, digits, '-'"), channelSchema),
  profiles: z.record(z.string().min(1), profileSchema).describe("routing per deployment: local runs use 'local', Cloud Run uses 'gcp'"),
  limits: z.strictObject({
    default: limitSchema,
    by_severity: z.partialRecord(z.enum(SEVERITIES), limitSchema).default({}),
  }),
  retry: z.strictObject({
    max_attempts: z.number().int().min(1).max(10),
    initial_delay_ms: z.number().int().nonnegative(),
    max_delay_ms: z.number().int().nonnegative(),
  }),
  dead_letter: z.strictObject({
    topic: z.string().min(1).describe("GCP: the Pub/Sub topic dead-lettered alerts are published to"),
  }),
});

export type AlertsConfig = z.infer<typeof alertsConfigSchema>;
export type ChannelConfig = z.infer<typeof channelSchema>;
export type RouteConfig = z.infer<typeof routeSchema>;
export type LimitConfig = z.infer<typeof limitSchema>;
export type RetryConfig = AlertsConfig["retry"];

export const DEFAULT_ALERTS_CONFIG_FILE = join(__dirname, "..", "..", "configs", "alerts.yaml");

/** An alerts config that does not parse, does not fit the schema, or routes to an unknown channel. */
export class AlertsConfigError extends ConfigError {
  readonly code = "ALERTS_CONFIG";
  constructor(source: string, problems: readonly string[]) {
    super(source, problems, "alerts config");
  }
}

/** Validates a parsed config, including that every route names a declared channel. */
export function parseAlertsConfig(input: unknown, source = "alerts config"): AlertsConfig {
  const result = alertsConfigSchema.safeParse(input);
  if (!result.success) throw new AlertsConfigError(source, result.error.issues.map((issue) => describeConfigIssue(issue, input)));
  const config = result.data;
  const problems: string[] = [];
  for (const [profile, { routes }] of Object.entries(config.profiles)) {
    routes.forEach((route, i) => {
      for (const channel of route.channels) {
        if (!config.channels[channel]) {
          problems.push(`profiles.${profile}.routes.${i}.channels: "${channel}" is not a declared channel; declared: ${Object.keys(config.channels).join(", ")}`);
        }
      }
    });
  }
  if (problems.length > 0) throw new AlertsConfigError(source, problems);
  return config;
}

/** Reads and validates `configs/alerts.yaml` (or another file). */
export function loadAlertsConfig(path = DEFAULT_ALERTS_CONFIG_FILE): AlertsConfig {
  let parsed: unknown;
  try {
    parsed = parseYaml(readFileSync(path, "utf8"));
  } catch (err) {
    throw new AlertsConfigError(path, [`cannot read as YAML: ${err instanceof Error ? err.message : String(err)}`]);
  }
  return parseAlertsConfig(parsed, path);
}

/** The limits for one severity: its own entry, else the default. */
export function limitsFor(config: AlertsConfig["limits"], severity: (typeof SEVERITIES)[number]): LimitConfig {
  return config.by_severity[severity] ?? config.default;
}
