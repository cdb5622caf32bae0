import { blockAt, numberAt, resourcesOfType, resultOf, stringAt } from "../stack";
import type { Finding, JsonObject, Rule } from "../types";

export const REQUIRED_SCHEDULER_TIME_ZONE = "America/New_York";

function authenticated(body: JsonObject): boolean {
  const http = blockAt(body, "http_target");
  if (http) {
    const token = blockAt(http, "oidc_token") ?? blockAt(http, "oauth_token");
    return token !== undefined && Boolean(stringAt(token, "service_account_email"));
  }
  // Pub/Sub and App Engine targets are called by Google with the scheduler's own identity.
  return blockAt(body, "pubsub_target") !== undefined || blockAt(body, "app_engine_http_target") !== undefined;
}

export const schedulerJobConfigured: Rule = {
  id: "scheduler-job-configured",
  severity: "error",
  description: `Every Cloud Scheduler job runs in ${REQUIRED_SCHEDULER_TIME_ZONE}, retries a failed firing (retry_config with retry_count >= 1) and calls an authenticated target (OIDC or OAuth token).`,
  explanation:
    "Dates mixed across ET, UTC and PT in the old system; a firing without retries is silently lost; an unauthenticated target means the service is public.",
  check(stack) {
    const jobs = resourcesOfType(stack, "google_cloud_scheduler_job");
    const findings: Finding[] = [];
    for (const job of jobs) {
      const zone = stringAt(job.body, "time_zone");
      if (zone !== REQUIRED_SCHEDULER_TIME_ZONE) findings.push({ resource: job.address, message: `time_zone must be ${REQUIRED_SCHEDULER_TIME_ZONE}, is ${zone ?? "unset (UTC)"}` });
      const retry = blockAt(job.body, "retry_config");
      const count = retry && numberAt(retry, "retry_count");
      if (count === undefined || count < 1) findings.push({ resource: job.address, message: "retry_config with retry_count >= 1 is required" });
      if (!authenticated(job.body)) findings.push({ resource: job.address, message: "target is not authenticated (no oidc_token or oauth_token with a service account)" });
    }
    return resultOf(findings, jobs.length > 0);
  },
};
