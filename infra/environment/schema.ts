import { z } from "zod";
import { REQUIRED_LABEL_KEYS } from "../policy/rules/labels-required";

export { REQUIRED_LABEL_KEYS };

/** The only region the platform is built for (DOMAIN timing, Cloud Scheduler and Firestore all live there). */
export const PLATFORM_REGION = "us-west2";

const labelValue = z
  .string()
  .regex(/^[a-z0-9_-]{1,63}$/, "a label value is 1-63 lowercase letters, digits, '_' or '-'");
const labelKey = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,62}$/, "a label key starts with a lowercase letter and has at most 63 lowercase letters, digits, '_' or '-'");

const slackChannel = z
  .object({
    channelName: z.string().regex(/^#[a-z0-9_-]+$/, "a Slack channel name such as #nba-alerts").describe("Slack channel the alerts post to."),
    authTokenSecret: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,255}$/, "a Secret Manager secret id (letters, digits, '_' or '-')")
      .describe("Secret Manager secret (declared by the stack) whose latest version holds the Slack bot token. Never the token itself."),
  })
  .strict();

const alertRecipients = z
  .object({
    emails: z.array(z.email("an e-mail address")).min(1, "at least one e-mail recipient, so every alert reaches a person").describe("Each address becomes an e-mail notification channel."),
    slack: slackChannel.optional().describe("Optional Slack notification channel; its token is read from Secret Manager at plan time."),
  })
  .strict();

const alertSmtp = z
  .object({
    host: z.string().regex(/^[A-Za-z0-9.-]+$/, "a host name such as smtp.example.com").describe("SMTP server the e-mail alert channel sends through."),
    port: z.number().int().min(1).max(65535).default(587).describe("SMTP port (587: submission with STARTTLS)."),
    user: z.string().min(1).describe("SMTP login; its password is the smtp-password secret, never here."),
    from: z.email("an e-mail address").describe("Sender address of alert e-mails."),
  })
  .strict();

const budget = z
  .object({
    billingAccount: z
      .string()
      .regex(/^[0-9A-F]{6}-[0-9A-F]{6}-[0-9A-F]{6}$/, "a billing account id such as 012345-6789AB-CDEF01")
      .describe("Billing account the project is billed to; the budget is created on it."),
    amount: z.number().int("a whole amount").positive().describe("Monthly budget for the project, in currencyCode."),
    currencyCode: z.string().regex(/^[A-Z]{3}$/, "an ISO 4217 code such as USD").default("USD").describe("Currency of amount; must be the billing account's."),
    thresholds: z
      .array(z.number().positive().max(10))
      .min(1)
      .default([0.5, 0.9, 1])
      .describe("Fractions of amount (current spend) at which the alert channels are notified."),
  })
  .strict();

const environmentFields = z
  .object({
    name: z.enum(["dev", "prod"]).describe("Environment name; also the stack suffix (nba-props-<name>)."),
    project: z
      .string()
      .regex(/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/, "a GCP project id: 6-30 lowercase letters, digits or '-', starting with a letter")
      .describe("GCP project the environment deploys to. One project per environment: resource names repeat across environments."),
    region: z.literal(PLATFORM_REGION, `the platform runs in ${PLATFORM_REGION}`).describe("Region of Cloud Run, Pub/Sub pushes, Cloud Scheduler, buckets and the image registry."),
    bigqueryLocation: z.string().regex(/^[A-Za-z0-9-]+$/, "a BigQuery location such as US or us-west2").describe("Location of every BigQuery dataset."),
    firestoreLocation: z.string().regex(/^[a-z0-9-]+$/, "a Firestore location such as us-west2 or nam5").optional().describe("Location of the Firestore database; defaults to the region."),
    stateBucket: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$/, "a GCS bucket name (3-63 lowercase letters, digits, '.', '_' or '-')")
      .describe("GCS bucket holding Terraform state. Create it once by hand (see docs/deploy.md)."),
    statePrefix: z.string().regex(/^[a-z0-9][a-z0-9/_-]*$/, "a path prefix such as nba-props/dev").optional().describe("Prefix of the state objects; defaults to nba-props/<name>."),
    artifactRepository: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,62}$/, "an Artifact Registry repository id (lowercase letters, digits, '-')")
      .default("nba-props")
      .describe("Artifact Registry (docker) repository the runtime image is pushed to."),
    imageTag: z
      .string()
      .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, "a docker tag (letters, digits, '_', '.', '-'; at most 128)")
      .describe("Tag of the one runtime image every Cloud Run service and job runs."),
    alertRecipients,
    alertSmtp: alertSmtp.describe("How the roles' e-mail alert channel reaches its SMTP server (SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_FROM); the password comes from Secret Manager."),
    labels: z
      .record(labelKey, labelValue)
      .describe(`Labels put on every labelled resource; must include ${REQUIRED_LABEL_KEYS.join(", ")}.`),
    budget: budget.describe("The project's monthly budget alert (google_billing_budget), notifying the alert channels."),
    firestorePointInTimeRecovery: z
      .boolean()
      .optional()
      .describe("Keep 7 days of Firestore versions for point-in-time recovery; defaults to true in prod, false in dev."),
    deletionProtection: z
      .boolean()
      .optional()
      .describe("Refuse to delete tables, the Firestore database, Cloud Run services and jobs; defaults to true in prod, false in dev."),
  })
  .strict();

export const environmentSchema = environmentFields
  .superRefine((env, ctx) => {
    for (const key of REQUIRED_LABEL_KEYS) {
      if (!(key in env.labels)) {
        ctx.addIssue({ code: "custom", path: ["labels", key], message: `required label "${key}" is missing (required: ${REQUIRED_LABEL_KEYS.join(", ")})` });
      }
    }
    if (env.labels.env !== undefined && env.labels.env !== env.name) {
      ctx.addIssue({ code: "custom", path: ["labels", "env"], message: `label env must equal name "${env.name}"` });
    }
  })
  .transform((env) => ({
    ...env,
    firestoreLocation: env.firestoreLocation ?? env.region,
    statePrefix: env.statePrefix ?? `nba-props/${env.name}`,
    deletionProtection: env.deletionProtection ?? env.name === "prod",
    firestorePointInTimeRecovery: env.firestorePointInTimeRecovery ?? env.name === "prod",
  }));

/** An environment after defaults: what every stack builder receives. */
export type EnvironmentConfig = z.output<typeof environmentSchema>;
/** What an environment file may contain (optional keys take their documented defaults). */
export type EnvironmentInput = z.input<typeof environmentSchema>;

/** What a top-level key is for (its schema description), for "missing key" errors. */
export function describeKey(path: readonly PropertyKey[]): string | undefined {
  if (path.length !== 1 || typeof path[0] !== "string") return undefined;
  const field = (environmentFields.shape as Record<string, z.ZodType | undefined>)[path[0]];
  return field?.description;
}

/** Keys an environment file may have, for error messages about unknown keys. */
export function allowedKeys(path: readonly PropertyKey[]): string[] {
  const top = environmentFields.shape;
  if (path.length === 0) return Object.keys(top);
  if (path[0] === "alertRecipients" && path.length === 1) return Object.keys(alertRecipients.shape);
  if (path[0] === "alertRecipients" && path[1] === "slack") return Object.keys(slackChannel.shape);
  if (path[0] === "budget" && path.length === 1) return Object.keys(budget.shape);
  if (path[0] === "alertSmtp" && path.length === 1) return Object.keys(alertSmtp.shape);
  return [];
}
