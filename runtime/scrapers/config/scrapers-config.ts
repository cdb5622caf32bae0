import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { describeConfigIssue } from "../../domain/config-issue";
import { errorMessage } from "../../domain/error-message";
import { ConfigError } from "../../domain/config-error";

/** The live sources the scrapers call; each has its own rate limit and circuit breaker. */
export const SOURCE_FAMILIES = ["nba_stats", "nba_cdn", "nba_static", "bdl", "odds_api", "bettingpros"] as const;
export type SourceFamily = (typeof SOURCE_FAMILIES)[number];

export const DEFAULT_NO_RETRY_STATUS_CODES = [400, 401, 403, 404, 422] as const;

const statusCode = z.number().int().min(400).max(599);

const sourceSchema = z.strictObject({
  rate_limit: z.strictObject({
    requests_per_minute: z.number().positive().max(6000).describe("request starts to this source are spaced at least 60000 / this ms apart"),
  }),
  circuit_breaker: z.strictObject({
    consecutive_failures: z.number().int().min(1).max(100).default(5).describe("failed attempts in a row that open the breaker"),
    half_open_after_ms: z.number().int().nonnegative().default(60_000).describe("how long the breaker stays open before one trial call"),
  }),
});

const scraperSchema = z
  .strictObject({
    criticality: z.enum(["critical", "important", "optional"]).describe("the severity of the failure-streak alert: critical, error, warning"),
    attempts: z.number().int().min(1).max(10).default(3).describe("calls in all, the first one included"),
    backoff: z
      .strictObject({
        initial_ms: z.number().int().nonnegative().default(1000),
        max_ms: z.number().int().nonnegative().default(30_000),
        jitter: z.enum(["decorrelated", "full", "none"]).default("decorrelated"),
      })
      .prefault({}),
    timeout_ms: z.number().int().positive().max(600_000).default(30_000).describe("each attempt is aborted after this long"),
    no_retry_status_codes: z.array(statusCode).default([...DEFAULT_NO_RETRY_STATUS_CODES]).describe("answered once, never retried"),
    max_retry_after_ms: z.number().int().nonnegative().default(120_000).describe("the longest Retry-After the scraper waits for"),
    alert_after_consecutive_failures: z.number().int().min(1).max(1000).default(3).describe("the failure streak that raises one alert"),
  })
  .refine((s) => s.backoff.initial_ms <= s.backoff.max_ms, { message: "backoff.initial_ms must not exceed backoff.max_ms", path: ["backoff"] })
  .refine((s) => !s.no_retry_status_codes.includes(429), { message: "429 is answered by waiting for Retry-After; it cannot be a no-retry code", path: ["no_retry_status_codes"] });

export const scrapersConfigSchema = z.strictObject({
  sources: z.strictObject(Object.fromEntries(SOURCE_FAMILIES.map((f) => [f, sourceSchema])) as Record<SourceFamily, typeof sourceSchema>),
  scrapers: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/, "a scraper name: lowercase letters, digits, '_'"), scraperSchema),
});

export type ScrapersConfig = z.infer<typeof scrapersConfigSchema>;
export type ScraperCallConfig = z.infer<typeof scraperSchema>;

export const DEFAULT_SCRAPERS_CONFIG_FILE = join(__dirname, "..", "..", "..", "configs", "scrapers.yaml");

/** A scrapers config that is not YAML or does not fit the schema; every problem names its key. */
export class ScrapersConfigError extends ConfigError {
  readonly code = "SCRAPERS_CONFIG";
  constructor(source: string, problems: readonly string[]) {
    super(source, problems, "scrapers config");
    this.name = "ScrapersConfigError";
  }
}

function allowedKeys(path: readonly PropertyKey[]): readonly string[] {
  if (path.length === 0) return Object.keys(scrapersConfigSchema.shape);
  if (path[0] === "sources") return path.length === 1 ? SOURCE_FAMILIES : path.length === 2 ? Object.keys(sourceSchema.shape) : path[2] === "rate_limit" ? ["requests_per_minute"] : ["consecutive_failures", "half_open_after_ms"];
  const entry = Object.keys(scraperSchema.shape);
  return path.length === 2 ? entry : ["initial_ms", "max_ms", "jitter"];
}

/** Validates a parsed config (defaults filled in by the schema, the one place they live). */
export function parseScrapersConfig(input: unknown, source = "scrapers config"): ScrapersConfig {
  const result = scrapersConfigSchema.safeParse(input);
  if (!result.success) throw new ScrapersConfigError(source, result.error.issues.map((issue) => describeConfigIssue(issue, input, { allowedKeys })));
  return result.data;
}

/** Reads and validates `configs/scrapers.yaml` (or another file). */
export function loadScrapersConfig(path = DEFAULT_SCRAPERS_CONFIG_FILE): ScrapersConfig {
  let parsed: unknown;
  try {
    parsed = parseYaml(readFileSync(path, "utf8"));
  } catch (err) {
    throw new ScrapersConfigError(path, [`cannot read as YAML: ${errorMessage(err)}`]);
  }
  return parseScrapersConfig(parsed, path);
}

/** One scraper's call settings; a scraper with no entry is a configuration error naming the file. */
export function scraperCallConfig(config: ScrapersConfig, scraper: string, source = DEFAULT_SCRAPERS_CONFIG_FILE): ScraperCallConfig {
  const entry = config.scrapers[scraper];
  if (!entry) throw new ScrapersConfigError(source, [`scrapers.${scraper}: no entry for this scraper (every scraper needs one)`]);
  return entry;
}
