import { z } from "zod";
import { catalog } from "../../catalog/catalog";

/** The variable naming a catalog bucket or secret, as infra/stacks/context.ts derives it. */
function runtimeVariable(kind: "BUCKET" | "SECRET", name: string): string {
  return `NBA_PROPS_${kind}_${name.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`;
}

const BUCKET_VARIABLES = new Map(catalog.buckets.map((b) => [runtimeVariable("BUCKET", b.name), b.name]));
const SECRET_VARIABLES = new Map([...new Set(catalog.roles.flatMap((r) => r.secrets))].map((s) => [runtimeVariable("SECRET", s), s]));
const ROLE_NAMES = catalog.roles.map((r) => r.name);

const projectId = z.string().regex(/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/, "a GCP project id (6-30 lowercase letters, digits or '-')");
const hostPort = z.string().regex(/^[A-Za-z0-9.-]+:\d{1,5}$/, "host:port, e.g. 127.0.0.1:8085");
const httpEndpoint = z.url({ protocol: /^https?$/, error: "an http(s) URL, e.g. http://127.0.0.1:9050" });
const bucket = z.string().regex(/^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$/, "a GCS bucket name");
const secretName = z.string().regex(/^projects\/[a-z][a-z0-9-]{4,28}[a-z0-9]\/secrets\/[A-Za-z0-9_-]+$/, "projects/<project>/secrets/<name>");

/**
 * What every Cloud Run service and job gets from the stacks (infra/stacks/compute.ts and the
 * MonitoredService construct), plus the emulator and endpoint overrides tests and local runs use.
 */
const gcpEnvironmentSchema = z.object({
  NBA_PROPS_COMPONENT: z.enum(ROLE_NAMES as [string, ...string[]], { error: `one of the catalog roles (${ROLE_NAMES.join(", ")})` }),
  NBA_PROPS_ENV: z.enum(["dev", "prod"], { error: "dev or prod" }),
  NBA_PROPS_BACKEND: z.literal("gcp", { error: 'must be "gcp" when the GCP platform is opened' }).optional(),
  GOOGLE_CLOUD_PROJECT: projectId,
  NBA_PROPS_REGION: z.string().regex(/^[a-z]+-[a-z]+\d$/, "a GCP region such as us-west2"),
  NBA_PROPS_BIGQUERY_LOCATION: z.string().regex(/^[A-Za-z0-9-]+$/, "a BigQuery location such as US or us-west2"),
  FIRESTORE_EMULATOR_HOST: hostPort.optional(),
  PUBSUB_EMULATOR_HOST: hostPort.optional(),
  BIGQUERY_API_ENDPOINT: httpEndpoint.optional(),
  STORAGE_API_ENDPOINT: httpEndpoint.optional(),
  NBA_PROPS_LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"], { error: "a log level (trace, debug, info, warn, error, fatal, silent)" }).optional(),
});

export interface GcpEnvironment {
  readonly component: string;
  readonly env: "dev" | "prod";
  readonly project: string;
  readonly region: string;
  readonly bigqueryLocation: string;
  /** Bucket names by catalog bucket (only those the role was granted). */
  readonly buckets: Readonly<Partial<Record<string, string>>>;
  /** Secret resource names by catalog secret (values are read at start-up by whoever needs them). */
  readonly secrets: Readonly<Partial<Record<string, string>>>;
  readonly firestoreEmulatorHost?: string;
  readonly pubsubEmulatorHost?: string;
  readonly bigqueryApiEndpoint?: string;
  readonly storageApiEndpoint?: string;
  readonly logLevel: string;
}

/** Start-up stops here, naming the variable, rather than at the first request that needs it. */
export class GcpEnvironmentError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`GCP environment is invalid: ${problems.join("; ")}`);
    this.name = "GcpEnvironmentError";
  }
}

/**
 * Parses the process environment strictly. Variables outside the NBA_PROPS_BUCKET_/SECRET_
 * families are left to their owners; inside them, a name the catalog does not know is an error
 * (a typo would otherwise silently leave a bucket unconfigured).
 */
export function parseGcpEnvironment(env: Readonly<Record<string, string | undefined>>): GcpEnvironment {
  const problems: string[] = [];
  const parsed = gcpEnvironmentSchema.safeParse(env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = issue.path.join(".");
      problems.push(env[name] === undefined ? `${name} is missing (${issue.message})` : `${name} is malformed: ${issue.message}`);
    }
  }
  const buckets: Record<string, string> = {};
  const secrets: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue;
    if (name.startsWith("NBA_PROPS_BUCKET_")) {
      const catalogName = BUCKET_VARIABLES.get(name);
      const checked = bucket.safeParse(value);
      if (!catalogName) problems.push(`${name} names no catalog bucket (known: ${[...BUCKET_VARIABLES.keys()].join(", ")})`);
      else if (!checked.success) problems.push(`${name} is malformed: ${checked.error.issues[0]?.message ?? "invalid"}`);
      else buckets[catalogName] = value;
    } else if (name.startsWith("NBA_PROPS_SECRET_")) {
      const catalogName = SECRET_VARIABLES.get(name);
      const checked = secretName.safeParse(value);
      if (!catalogName) problems.push(`${name} names no catalog secret (known: ${[...SECRET_VARIABLES.keys()].join(", ")})`);
      else if (!checked.success) problems.push(`${name} is malformed: ${checked.error.issues[0]?.message ?? "invalid"}`);
      else secrets[catalogName] = value;
    }
  }
  if (!parsed.success || problems.length > 0) throw new GcpEnvironmentError(problems);
  const e = parsed.data;
  const role = catalog.roles.find((r) => r.name === e.NBA_PROPS_COMPONENT);
  for (const granted of new Set([...(role?.bucketsRead ?? []), ...(role?.bucketsWritten ?? [])])) {
    if (!buckets[granted]) problems.push(`${runtimeVariable("BUCKET", granted)} is missing (role ${e.NBA_PROPS_COMPONENT} uses bucket ${granted})`);
  }
  if (problems.length > 0) throw new GcpEnvironmentError(problems);
  return {
    component: e.NBA_PROPS_COMPONENT,
    env: e.NBA_PROPS_ENV,
    project: e.GOOGLE_CLOUD_PROJECT,
    region: e.NBA_PROPS_REGION,
    bigqueryLocation: e.NBA_PROPS_BIGQUERY_LOCATION,
    buckets,
    secrets,
    firestoreEmulatorHost: e.FIRESTORE_EMULATOR_HOST,
    pubsubEmulatorHost: e.PUBSUB_EMULATOR_HOST,
    bigqueryApiEndpoint: e.BIGQUERY_API_ENDPOINT,
    storageApiEndpoint: e.STORAGE_API_ENDPOINT,
    logLevel: e.NBA_PROPS_LOG_LEVEL ?? "info",
  };
}
