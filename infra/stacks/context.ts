import type { Catalog } from "../../runtime/catalog";
import type { EnvironmentConfig } from "../environment/schema";

/** What every concern of a stack is built from: the catalog plus one environment, nothing else. */
export interface StackContext {
  readonly env: EnvironmentConfig;
  readonly catalog: Catalog;
}

export function stackName(env: Pick<EnvironmentConfig, "name">): string {
  return `nba-props-${env.name}`;
}

/** The one runtime image every Cloud Run service and job runs. */
export function runtimeImage(env: EnvironmentConfig): string {
  return `${env.region}-docker.pkg.dev/${env.project}/${env.artifactRepository}/nba-props:${env.imageTag}`;
}

/** Buckets are global: the project id keeps their names unique. */
export function bucketName(env: Pick<EnvironmentConfig, "project">, bucket: string): string {
  return `${env.project}-${bucket}`;
}

/** Environment variable naming a bucket or secret for the runtime, e.g. NBA_PROPS_BUCKET_RAW_PAYLOADS. */
export function runtimeVariable(kind: "BUCKET" | "SECRET", name: string): string {
  return `NBA_PROPS_${kind}_${name.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`;
}

/** The variable holding a secret's value in a container (Cloud Run secret_key_ref), e.g. SLACK_WEBHOOK_URL: what configs/alerts.yaml names. */
export function secretValueVariable(secret: string): string {
  return secret.toUpperCase().replace(/[^A-Z0-9]/g, "_");
}
