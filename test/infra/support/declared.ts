import type { TerraformJson } from "./synth";

/** What a synthesized stack declares that the runtime must run, read from the Terraform JSON. */
export interface Declared {
  readonly services: readonly { resource: string; name: string; args: readonly string[] }[];
  readonly jobs: readonly { resource: string; name: string; args: readonly string[] }[];
  /** Push subscriptions and scheduler jobs that POST to a service path (a scheduler job with the JSON body it sends). */
  readonly servicePaths: readonly { source: string; service: string; path: string; kind: "push" | "scheduler"; body?: unknown }[];
  /** Scheduler jobs that start a Cloud Run job with overridden args. */
  readonly jobOverrides: readonly { source: string; job: string; args: readonly string[] }[];
  readonly metrics: readonly { name: string; event: string; where: Readonly<Record<string, string>> }[];
  readonly ttlFields: readonly { collection: string; field: string }[];
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (typeof v === "object" && v !== null ? (v as Json) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const strings = (v: unknown): string[] => list(v).map(String);

const SERVICE_URI = /^\$\{google_cloud_run_v2_service\.([^.]+)\.uri\}(\/.*)$/;
const JOB_RUN = /\/jobs\/\$\{google_cloud_run_v2_job\.([^.]+)\.name\}:run$/;

export function declaredIn(tf: TerraformJson): Declared {
  const res = (type: string): [string, Json][] => Object.entries(tf.resource[type] ?? {}).map(([k, v]) => [k, obj(v)]);
  const serviceName = new Map(res("google_cloud_run_v2_service").map(([k, v]) => [k, String(v.name)]));
  const jobName = new Map(res("google_cloud_run_v2_job").map(([k, v]) => [k, String(v.name)]));

  const services = res("google_cloud_run_v2_service").map(([resource, v]) => ({ resource, name: String(v.name), args: strings(obj(list(obj(v.template).containers)[0]).args) }));
  const jobs = res("google_cloud_run_v2_job").map(([resource, v]) => ({ resource, name: String(v.name), args: strings(obj(list(obj(obj(v.template).template).containers)[0]).args) }));

  const servicePaths: Declared["servicePaths"][number][] = [];
  const jobOverrides: Declared["jobOverrides"][number][] = [];
  for (const [name, sub] of res("google_pubsub_subscription")) {
    const endpoint = obj(sub.push_config).push_endpoint;
    if (typeof endpoint !== "string") continue;
    const m = SERVICE_URI.exec(endpoint);
    servicePaths.push({ source: `subscription ${name}`, service: m ? (serviceName.get(m[1]!) ?? `?${m[1]}`) : `?${endpoint}`, path: m?.[2] ?? endpoint, kind: "push" });
  }
  for (const [name, job] of res("google_cloud_scheduler_job")) {
    const http = obj(job.http_target);
    const uri = typeof http.uri === "string" ? http.uri : "";
    const service = SERVICE_URI.exec(uri);
    const body = typeof http.body === "string" ? obj(JSON.parse(Buffer.from(http.body, "base64").toString("utf8"))) : {};
    if (service) {
      servicePaths.push({ source: `scheduler ${name}`, service: serviceName.get(service[1]!) ?? `?${service[1]}`, path: service[2]!, kind: "scheduler", body });
      continue;
    }
    const run = JOB_RUN.exec(uri);
    const args = strings(obj(list(obj(body.overrides).containerOverrides)[0]).args);
    jobOverrides.push({ source: `scheduler ${name}`, job: run ? (jobName.get(run[1]!) ?? `?${run[1]}`) : `?${uri}`, args });
  }
  const metrics = res("google_logging_metric").map(([, m]) => {
    const filter = typeof m.filter === "string" ? m.filter : "";
    const where: Record<string, string> = {};
    let event = "";
    for (const [, key, value] of filter.matchAll(/jsonPayload\.([a-z_]+)="([^"]*)"/g)) {
      if (key === "event") event = value!;
      else where[key!] = value!;
    }
    return { name: String(m.name), event, where };
  })
    // A metric on Google's own logs (Cloud Scheduler's attempt log) counts no runtime event.
    .filter((m) => m.event !== "");
  const ttlFields = res("google_firestore_field")
    .filter(([, f]) => f.ttl_config !== undefined)
    .map(([, f]) => ({ collection: String(f.collection), field: String(f.field) }));
  return { services, jobs, servicePaths, jobOverrides, metrics, ttlFields };
}
