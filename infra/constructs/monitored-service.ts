import { Construct } from "constructs";
import { dependable, type TerraformResource } from "cdktf";
import { CloudRunV2Job } from "@cdktf/provider-google/lib/cloud-run-v2-job";
import { CloudRunV2JobIamMember } from "@cdktf/provider-google/lib/cloud-run-v2-job-iam-member";
import { CloudRunV2Service } from "@cdktf/provider-google/lib/cloud-run-v2-service";
import { CloudRunV2ServiceIamMember } from "@cdktf/provider-google/lib/cloud-run-v2-service-iam-member";
import { ServiceAccount } from "@cdktf/provider-google/lib/service-account";
import { Duration } from "./duration";
import { withComponent, type Labels } from "./labels";
import { serviceAccountId, terraformName } from "./naming";

/** A principal that can be granted roles: a service account's e-mail and its IAM member string. */
export interface Identity {
  /** Stable name used in the Terraform names of the grants made to it. */
  readonly name: string;
  readonly email: string;
  readonly member: string;
  /** Full resource name (projects/.../serviceAccounts/...), for grants made on the account itself. */
  readonly resourceName: string;
}

/** Creates a dedicated service account: every component runs as its own identity, never the default compute account. */
export function serviceAccountIdentity(scope: Construct, name: string, description: string): Identity {
  const account = new ServiceAccount(scope, `sa-${name}`, {
    accountId: serviceAccountId(name),
    displayName: `nba-props ${name}`.slice(0, 100),
    description: description.slice(0, 256),
  });
  account.overrideLogicalId(terraformName(name));
  return { name, email: account.email, member: account.member, resourceName: account.name };
}

export interface MonitoredServiceProps {
  /** Cloud Run service or job name (the catalog role name). */
  readonly name: string;
  /** "service" receives pushes and scheduler calls over HTTP; "job" runs to completion when started. */
  readonly kind: "service" | "job";
  readonly description: string;
  readonly project: string;
  readonly region: string;
  /** The one runtime image; every component runs it with different arguments. */
  readonly image: string;
  /** Arguments of the image's `nba-props` entry point. */
  readonly args: readonly string[];
  /** Plain, non-secret settings. */
  readonly environment?: Readonly<Record<string, string>>;
  /**
   * Variables whose value Cloud Run reads from Secret Manager when an instance or task starts
   * (`secret_key_ref`, version `latest`): variable name to secret id. The value never appears in
   * the configuration; the identity needs secretAccessor on each secret (granted by the caller).
   */
  readonly secretEnvironment?: Readonly<Record<string, string>>;
  /** Longest one request (service) or one task (job) may run before it is aborted. Default: 5 minutes. */
  readonly timeout?: Duration;
  /** When true (the default), Terraform refuses to delete the service or job until this is turned off. */
  readonly deletionProtection?: boolean;
  /** Service only: most instances running at once. Default 5, which bounds cost and how hard a retry storm can hit BigQuery. */
  readonly maxInstances?: number;
  /** Service only: requests one instance handles at once. Default 1, so a processor run has the instance's memory to itself. */
  readonly concurrency?: number;
  /** Job only: retries of a failed task. Default 1: runs are idempotent, but a broken run must not loop. */
  readonly maxRetries?: number;
  /** CPU per instance or task. Default "1". */
  readonly cpu?: string;
  /** Memory per instance or task. Default "1Gi". */
  readonly memory?: string;
  readonly labels: Labels;
}

/**
 * One runtime component on Cloud Run: a service or a job, its own service account, internal-only
 * ingress with IAM authentication (no public access), and invoker grants made on this one
 * resource only. Its `component` label and NBA_PROPS_COMPONENT variable are what the runtime's
 * structured logs carry, which the log-based metrics and alerts count.
 */
export class MonitoredService extends Construct {
  readonly identity: Identity;
  readonly kind: "service" | "job";
  readonly service?: CloudRunV2Service;
  readonly job?: CloudRunV2Job;
  readonly name: string;
  private readonly project: string;
  private readonly region: string;
  private readonly invokers = new Set<string>();

  constructor(scope: Construct, id: string, props: MonitoredServiceProps) {
    super(scope, id);
    this.kind = props.kind;
    this.name = props.name;
    this.project = props.project;
    this.region = props.region;
    this.identity = serviceAccountIdentity(this, props.name, `Runs the nba-props ${props.name} ${props.kind}: ${props.description}`);

    const timeout = (props.timeout ?? Duration.minutes(5)).toGoogleDuration();
    const labels = withComponent(props.labels, props.name);
    const env = [
      ...Object.entries({ NBA_PROPS_COMPONENT: props.name, ...props.environment }).map(([name, value]) => ({ name, value })),
      ...Object.entries(props.secretEnvironment ?? {}).map(([name, secret]) => ({ name, valueSource: { secretKeyRef: { secret, version: "latest" } } })),
    ];
    const container = {
      image: props.image,
      args: [...props.args],
      env,
      resources: { limits: { cpu: props.cpu ?? "1", memory: props.memory ?? "1Gi" } },
    };
    const deletionProtection = props.deletionProtection ?? true;

    if (props.kind === "service") {
      this.service = new CloudRunV2Service(this, "service", {
        name: props.name,
        location: props.region,
        description: props.description,
        ingress: "INGRESS_TRAFFIC_INTERNAL_ONLY",
        deletionProtection,
        labels,
        template: {
          serviceAccount: this.identity.email,
          timeout,
          maxInstanceRequestConcurrency: props.concurrency ?? 1,
          scaling: { minInstanceCount: 0, maxInstanceCount: props.maxInstances ?? 5 },
          labels,
          containers: [container],
        },
      });
      this.service.overrideLogicalId(terraformName(props.name));
    } else {
      this.job = new CloudRunV2Job(this, "job", {
        name: props.name,
        location: props.region,
        deletionProtection,
        labels,
        template: {
          labels,
          taskCount: 1,
          parallelism: 1,
          template: {
            serviceAccount: this.identity.email,
            timeout,
            maxRetries: props.maxRetries ?? 1,
            containers: [container],
          },
        },
      });
      this.job.overrideLogicalId(terraformName(props.name));
    }
  }

  /** Terraform creates `resources` (e.g. the secret grants a revision needs to start) before this service or job. */
  dependOn(...resources: readonly TerraformResource[]): void {
    const resource = this.service ?? this.job;
    if (resource) resource.dependsOn = [...(resource.dependsOn ?? []), ...resources.map((r) => dependable(r))];
  }

  /** The service's HTTPS URL (push endpoints and scheduler targets append a path). */
  get uri(): string {
    if (!this.service) throw new Error(`${this.name} is a Cloud Run job; it has no URL`);
    return this.service.uri;
  }

  /** The Cloud Run Admin API call that starts one execution of the job. */
  get runUrl(): string {
    if (!this.job) throw new Error(`${this.name} is a Cloud Run service; it is not started through the Admin API`);
    return `https://run.googleapis.com/v2/projects/${this.project}/locations/${this.region}/jobs/${this.job.name}:run`;
  }

  /**
   * Lets `invoker` call this service (roles/run.invoker) or start this job with per-run arguments
   * (roles/run.jobsExecutorWithOverrides: run.invoker alone cannot override arguments). The grant
   * is on this one resource, never project-wide; granting twice is a no-op.
   */
  allowInvoke(invoker: Identity): void {
    if (this.invokers.has(invoker.name)) return;
    this.invokers.add(invoker.name);
    const name = terraformName(invoker.name, this.name);
    if (this.service) {
      const grant = new CloudRunV2ServiceIamMember(this, `invoker-${invoker.name}`, {
        project: this.project,
        location: this.region,
        name: this.service.name,
        role: "roles/run.invoker",
        member: invoker.member,
      });
      grant.overrideLogicalId(name);
    } else if (this.job) {
      const grant = new CloudRunV2JobIamMember(this, `invoker-${invoker.name}`, {
        project: this.project,
        location: this.region,
        name: this.job.name,
        role: "roles/run.jobsExecutorWithOverrides",
        member: invoker.member,
      });
      grant.overrideLogicalId(name);
    }
  }
}
