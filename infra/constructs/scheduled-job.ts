import { Construct } from "constructs";
import { CloudSchedulerJob } from "@cdktf/provider-google/lib/cloud-scheduler-job";
import { Duration } from "./duration";
import type { Identity, MonitoredService } from "./monitored-service";
import { terraformName } from "./naming";

/** Every schedule is read in Eastern time: NBA game dates are ET calendar dates. */
export const SCHEDULER_TIME_ZONE = "America/New_York";

const CLOUD_PLATFORM_SCOPE = "https://www.googleapis.com/auth/cloud-platform";

export type ScheduledTarget =
  | {
      /** POST `body` as JSON to `path` on a Cloud Run service. */
      readonly kind: "service";
      readonly service: MonitoredService;
      readonly path: string;
      readonly body: Readonly<Record<string, string>>;
    }
  | {
      /** Start one execution of a Cloud Run job with these arguments. */
      readonly kind: "job";
      readonly job: MonitoredService;
      readonly args: readonly string[];
    };

export interface ScheduledJobProps {
  readonly name: string;
  readonly description: string;
  /** Cron, read in `timeZone`. */
  readonly schedule: string;
  /** Default America/New_York. */
  readonly timeZone?: string;
  readonly target: ScheduledTarget;
  /** The identity the scheduler calls as; it is granted invoke on the target only. */
  readonly invoker: Identity;
  readonly region: string;
  /** Retries of one firing before it is given up. Default 3; never unbounded. */
  readonly retryCount?: number;
  /** First wait before a retry. Default 30 s. */
  readonly minBackoff?: Duration;
  /** Longest wait between retries. Default 10 min. */
  readonly maxBackoff?: Duration;
  /** How long one attempt may take before it counts as failed. Default 3 min. */
  readonly attemptDeadline?: Duration;
}

function base64Json(value: unknown): string {
  return Buffer.from(JSON.stringify(value), "utf8").toString("base64");
}

/**
 * A Cloud Scheduler job in Eastern time with bounded retries and an authenticated target. Service
 * targets get an OIDC token. Job targets are started through the Cloud Run Admin API, which
 * accepts only OAuth access tokens, so those get an OAuth token instead (a deliberate departure
 * from "OIDC everywhere"; see docs/deploy.md), with the invoker allowed to run that one job.
 */
export class ScheduledJob extends Construct {
  readonly job: CloudSchedulerJob;

  constructor(scope: Construct, id: string, props: ScheduledJobProps) {
    super(scope, id);
    const target = props.target;
    const headers = { "Content-Type": "application/json" };
    let httpTarget;
    if (target.kind === "service") {
      target.service.allowInvoke(props.invoker);
      httpTarget = {
        uri: `${target.service.uri}${target.path}`,
        httpMethod: "POST",
        headers,
        body: base64Json(target.body),
        oidcToken: { serviceAccountEmail: props.invoker.email, audience: target.service.uri },
      };
    } else {
      target.job.allowInvoke(props.invoker);
      httpTarget = {
        uri: target.job.runUrl,
        httpMethod: "POST",
        headers,
        body: base64Json({ overrides: { containerOverrides: [{ args: [...target.args] }] } }),
        // The Admin API (run.googleapis.com) rejects OIDC identity tokens; it needs an OAuth access token.
        oauthToken: { serviceAccountEmail: props.invoker.email, scope: CLOUD_PLATFORM_SCOPE },
      };
    }

    this.job = new CloudSchedulerJob(this, "job", {
      name: props.name,
      description: props.description.slice(0, 500),
      schedule: props.schedule,
      timeZone: props.timeZone ?? SCHEDULER_TIME_ZONE,
      region: props.region,
      attemptDeadline: (props.attemptDeadline ?? Duration.minutes(3)).toGoogleDuration(),
      retryConfig: {
        retryCount: props.retryCount ?? 3,
        minBackoffDuration: (props.minBackoff ?? Duration.seconds(30)).toGoogleDuration(),
        maxBackoffDuration: (props.maxBackoff ?? Duration.minutes(10)).toGoogleDuration(),
        maxDoublings: 3,
      },
      httpTarget,
    });
    this.job.overrideLogicalId(terraformName(props.name));
  }
}
