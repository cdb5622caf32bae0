import type { Construct } from "constructs";
import { ArtifactRegistryRepository } from "@cdktf/provider-google/lib/artifact-registry-repository";
import { BigqueryDatasetIamMember } from "@cdktf/provider-google/lib/bigquery-dataset-iam-member";
import { ProjectIamMember } from "@cdktf/provider-google/lib/project-iam-member";
import { SecretManagerSecret } from "@cdktf/provider-google/lib/secret-manager-secret";
import { SecretManagerSecretIamMember } from "@cdktf/provider-google/lib/secret-manager-secret-iam-member";
import { StorageBucketIamMember } from "@cdktf/provider-google/lib/storage-bucket-iam-member";
import type { RoleSpec } from "../../runtime/catalog";
import { serviceUrlVariable } from "../../runtime/orchestration/service-url-variable";
import { Duration, MonitoredService, terraformName } from "../constructs";
import { bucketName, runtimeImage, runtimeVariable, secretValueVariable, type StackContext } from "./context";
import type { DataResources } from "./data";

export interface ComputeResources {
  /** Every runtime role's Cloud Run service or job, by catalog role name. */
  readonly components: ReadonlyMap<string, MonitoredService>;
}

export function findComponent(components: ReadonlyMap<string, MonitoredService>, name: string): MonitoredService {
  const found = components.get(name);
  if (!found) throw new Error(`catalog: no runtime role ${name}`);
  return found;
}

function required<T>(map: ReadonlyMap<string, T>, key: string, what: string): T {
  const found = map.get(key);
  if (found === undefined) throw new Error(`catalog: unknown ${what} ${key}`);
  return found;
}

/** The secret that completes the e-mail channel; the roles holding it also get the SMTP server's settings. */
const SMTP_PASSWORD_SECRET = "smtp-password";

function runtimeEnvironment({ env }: StackContext, role: RoleSpec): Record<string, string> {
  const variables: Record<string, string> = {
    NBA_PROPS_ENV: env.name,
    NBA_PROPS_BACKEND: "gcp",
    GOOGLE_CLOUD_PROJECT: env.project,
    NBA_PROPS_REGION: env.region,
    NBA_PROPS_BIGQUERY_LOCATION: env.bigqueryLocation,
  };
  for (const bucket of new Set([...role.bucketsRead, ...role.bucketsWritten])) variables[runtimeVariable("BUCKET", bucket)] = bucketName(env, bucket);
  // The secret's name (what the role was granted); its value arrives separately through secret_key_ref.
  for (const secret of role.secrets) variables[runtimeVariable("SECRET", secret)] = `projects/${env.project}/secrets/${secret}`;
  if (role.secrets.includes(SMTP_PASSWORD_SECRET)) {
    variables.SMTP_HOST = env.alertSmtp.host;
    variables.SMTP_PORT = String(env.alertSmtp.port);
    variables.SMTP_USER = env.alertSmtp.user;
    variables.SMTP_FROM = env.alertSmtp.from;
  }
  return variables;
}

/**
 * Grants derived from the role's catalog fields, each on the one resource it concerns. Two are
 * project-level because Google offers nothing narrower: bigquery.jobUser (query and load jobs
 * belong to the project) and datastore.user (Firestore IAM is per project; an IAM condition
 * narrows it to the one database).
 */
function grantRoleAccess(scope: Construct, ctx: StackContext, role: RoleSpec, service: MonitoredService, data: DataResources, secrets: ReadonlyMap<string, SecretManagerSecret>): void {
  const member = service.identity.member;
  const id = (...parts: string[]): string => terraformName(role.name, ...parts);

  for (const dataset of new Set([...role.datasetsRead, ...role.datasetsWritten])) {
    const writes = role.datasetsWritten.includes(dataset);
    const bqRole = writes ? "roles/bigquery.dataEditor" : "roles/bigquery.dataViewer";
    new BigqueryDatasetIamMember(scope, `grant-${role.name}-${dataset}`, {
      datasetId: required(data.datasets, dataset, "dataset").datasetId,
      role: bqRole,
      member,
    }).overrideLogicalId(id(dataset, writes ? "dataEditor" : "dataViewer"));
  }
  if (role.datasetsRead.length + role.datasetsWritten.length > 0) {
    new ProjectIamMember(scope, `grant-${role.name}-jobUser`, {
      project: ctx.env.project,
      role: "roles/bigquery.jobUser",
      member,
    }).overrideLogicalId(id("bigquery-jobUser"));
  }

  const bucketGrants: [string, string, string][] = [
    ...role.bucketsRead.map((b): [string, string, string] => [b, "roles/storage.objectViewer", "objectViewer"]),
    // Create-only: payload paths carry a timestamp, so a writer never needs to overwrite or delete.
    ...role.bucketsWritten.map((b): [string, string, string] => [b, "roles/storage.objectCreator", "objectCreator"]),
  ];
  for (const [bucket, storageRole, short] of bucketGrants) {
    new StorageBucketIamMember(scope, `grant-${role.name}-${bucket}-${short}`, {
      bucket: required(data.buckets, bucket, "bucket").name,
      role: storageRole,
      member,
    }).overrideLogicalId(id(bucket, short));
  }

  if (role.usesDocStore) {
    new ProjectIamMember(scope, `grant-${role.name}-datastore`, {
      project: ctx.env.project,
      role: "roles/datastore.user",
      member,
      condition: {
        title: "default-database-only",
        description: "Only the platform's Firestore database.",
        expression: `resource.name.startsWith("projects/${ctx.env.project}/databases/(default)")`,
      },
    }).overrideLogicalId(id("datastore-user"));
  }

  for (const secretName of role.secrets) {
    const grant = new SecretManagerSecretIamMember(scope, `grant-${role.name}-${secretName}`, {
      secretId: required(secrets, secretName, "secret").secretId,
      role: "roles/secretmanager.secretAccessor",
      member,
    });
    grant.overrideLogicalId(id(secretName, "secretAccessor"));
    // Cloud Run refuses a revision whose identity cannot read its secret_key_ref secrets yet.
    service.dependOn(grant);
  }
}

/**
 * The services a role probes before starting their phase: a role consuming a transition's
 * completion topic checks the next role's /health/ready, so it gets that service's URL and may
 * call it (roles/run.invoker on that one service).
 */
function probedRoles({ catalog }: StackContext, role: RoleSpec): string[] {
  return catalog.transitions
    .filter((t) => catalog.topics.some((topic) => topic.name === t.completionTopic && topic.subscriptions.some((s) => s.consumer === role.name)))
    .map((t) => t.nextRole);
}

/** The image registry, channel secrets (names only), and one Cloud Run service or job per runtime role. */
export function declareCompute(scope: Construct, ctx: StackContext, data: DataResources): ComputeResources {
  const { env, catalog } = ctx;
  const labels = env.labels;

  new ArtifactRegistryRepository(scope, "registry", {
    repositoryId: env.artifactRepository,
    location: env.region,
    format: "DOCKER",
    description: "The nba-props runtime image.",
    labels: { ...labels },
  }).overrideLogicalId(terraformName(env.artifactRepository));

  const secrets = new Map<string, SecretManagerSecret>();
  for (const secretName of new Set(catalog.roles.flatMap((r) => r.secrets))) {
    const secret = new SecretManagerSecret(scope, `secret-${secretName}`, {
      secretId: secretName,
      replication: { auto: {} },
      labels: { ...labels },
    });
    secret.overrideLogicalId(terraformName(secretName));
    secrets.set(secretName, secret);
  }

  const components = new Map<string, MonitoredService>();
  for (const role of catalog.roles) {
    const probed = probedRoles(ctx, role).map((name) => required(components, name, "role (declare a probed service before its prober)"));
    const serviceUrls = Object.fromEntries(probed.map((p) => [serviceUrlVariable(p.name), p.uri]));
    const service = new MonitoredService(scope, `role-${role.name}`, {
      name: role.name,
      kind: role.kind,
      description: role.description,
      project: env.project,
      region: env.region,
      image: runtimeImage(env),
      args: role.args,
      environment: { ...runtimeEnvironment(ctx, role), ...serviceUrls },
      // Channel secrets as values, read by Cloud Run from Secret Manager at start (version latest).
      secretEnvironment: Object.fromEntries(role.secrets.map((secret) => [secretValueVariable(secret), required(secrets, secret, "secret").secretId])),
      timeout: Duration.seconds(role.timeoutSeconds),
      // Sized with the subscriptions' attempts against a season's backfill (runtime/catalog/push-load.ts).
      concurrency: role.capacity?.concurrency,
      maxInstances: role.capacity?.maxInstances,
      deletionProtection: env.deletionProtection,
      labels,
    });
    components.set(role.name, service);
    for (const p of probed) p.allowInvoke(service.identity);
    grantRoleAccess(scope, ctx, role, service, data, secrets);
  }
  return { components };
}
