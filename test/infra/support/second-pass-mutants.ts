import {
  alertDocumented,
  alertMetricDefined,
  cloudRunIngressInternal,
  labelsValid,
  pubsubDurationRanges,
  pushIdentityCanInvoke,
  pushOidcAudience,
  serviceAgentTokenCreator,
  type Rule,
} from "../../../infra/policy";
import { resourceOf, type Block, type TerraformJson } from "./synth";

/** One way a construct could get a rule's concern wrong, as an edit of the real synthesized JSON. */
export interface Mutant {
  readonly rule: Rule;
  readonly violation: string;
  readonly mutate: (tf: TerraformJson) => void;
  /** `<type>.<name>` the violation must be reported on. */
  readonly resource: string;
}

const PHASE_SUB = "nba-phase1-scrapers-complete--raw-processors";

function block(parent: Block, key: string): Block {
  const value = parent[key];
  if (typeof value !== "object" || value === null) throw new Error(`no block ${key}`);
  return (Array.isArray(value) ? value[0] : value) as Block;
}

const pushConfig = (tf: TerraformJson): Block => block(resourceOf(tf, "google_pubsub_subscription", PHASE_SUB), "push_config");
const subscription = (tf: TerraformJson): Block => resourceOf(tf, "google_pubsub_subscription", PHASE_SUB);

/** Mutants of the second infrastructure pass: each was once possible without any rule noticing. */
export const secondPassMutants: readonly Mutant[] = [
  {
    rule: pushOidcAudience,
    violation: "a push subscription without an OIDC token",
    mutate: (tf) => delete pushConfig(tf).oidc_token,
    resource: `google_pubsub_subscription.${PHASE_SUB}`,
  },
  {
    rule: pushOidcAudience,
    violation: "a push whose token audience is another service",
    mutate: (tf) => {
      block(pushConfig(tf), "oidc_token").audience = "${google_cloud_run_v2_service.exporter.uri}";
    },
    resource: `google_pubsub_subscription.${PHASE_SUB}`,
  },
  {
    rule: pushIdentityCanInvoke,
    violation: "a push identity without run.invoker on its target",
    mutate: (tf) => delete tf.resource.google_cloud_run_v2_service_iam_member?.["pubsub-push-invoker--raw-processors"],
    resource: `google_pubsub_subscription.${PHASE_SUB}`,
  },
  {
    rule: serviceAgentTokenCreator,
    violation: "the Pub/Sub agent's token-creator grant on the push identity missing",
    mutate: (tf) => delete tf.resource.google_service_account_iam_member?.["pubsub-service-agent--pubsub-push-invoker"],
    resource: "google_service_account.pubsub-push-invoker",
  },
  {
    rule: cloudRunIngressInternal,
    violation: "a Cloud Run service open to all traffic",
    mutate: (tf) => {
      resourceOf(tf, "google_cloud_run_v2_service", "raw-processors").ingress = "INGRESS_TRAFFIC_ALL";
    },
    resource: "google_cloud_run_v2_service.raw-processors",
  },
  {
    rule: cloudRunIngressInternal,
    violation: "a Cloud Run service with ingress unset (the provider's default is all)",
    mutate: (tf) => delete resourceOf(tf, "google_cloud_run_v2_service", "phase-orchestrator").ingress,
    resource: "google_cloud_run_v2_service.phase-orchestrator",
  },
  {
    rule: pubsubDurationRanges,
    violation: "an ack deadline above 600 s",
    mutate: (tf) => {
      subscription(tf).ack_deadline_seconds = 900;
    },
    resource: `google_pubsub_subscription.${PHASE_SUB}`,
  },
  {
    rule: pubsubDurationRanges,
    violation: "a subscription retention above 31 days",
    mutate: (tf) => {
      subscription(tf).message_retention_duration = "2764800s";
    },
    resource: `google_pubsub_subscription.${PHASE_SUB}`,
  },
  {
    rule: pubsubDurationRanges,
    violation: "a subscription that expires after 31 idle days",
    mutate: (tf) => {
      subscription(tf).expiration_policy = { ttl: "2678400s" };
    },
    resource: `google_pubsub_subscription.${PHASE_SUB}`,
  },
  {
    rule: pubsubDurationRanges,
    violation: "a subscription with no expiration policy (the default expires)",
    mutate: (tf) => delete subscription(tf).expiration_policy,
    resource: `google_pubsub_subscription.${PHASE_SUB}`,
  },
  {
    rule: pubsubDurationRanges,
    violation: "a topic retention below 10 minutes",
    mutate: (tf) => {
      resourceOf(tf, "google_pubsub_topic", "nba-phase2-raw-complete").message_retention_duration = "60s";
    },
    resource: "google_pubsub_topic.nba-phase2-raw-complete",
  },
  {
    rule: labelsValid,
    violation: "a label value with capitals and a dot",
    mutate: (tf) => {
      (resourceOf(tf, "google_storage_bucket", "raw-payloads").labels as Block).owner = "Data.Platform";
    },
    resource: "google_storage_bucket.raw-payloads",
  },
  {
    rule: labelsValid,
    violation: "a label key starting with a digit",
    mutate: (tf) => {
      (resourceOf(tf, "google_pubsub_topic", "nba-phase2-raw-complete").labels as Block)["1team"] = "x";
    },
    resource: "google_pubsub_topic.nba-phase2-raw-complete",
  },
  {
    rule: alertMetricDefined,
    violation: "a PromQL silence alert on a log-based metric the stack does not define",
    mutate: (tf) => delete tf.resource.google_logging_metric?.nba_live_runs,
    resource: "google_monitoring_alert_policy.processor-silent--nbac_schedule-phase_1_scrapers",
  },
  {
    rule: alertDocumented,
    violation: "an alert policy whose documentation names no command",
    mutate: (tf) => {
      block(resourceOf(tf, "google_monitoring_alert_policy", "gate-blocks"), "documentation").content = "A gate blocked.\n\nRunbook: look into it.";
    },
    resource: "google_monitoring_alert_policy.gate-blocks",
  },
  {
    rule: alertDocumented,
    violation: "an alert policy with no documentation",
    mutate: (tf) => delete resourceOf(tf, "google_monitoring_alert_policy", "failed-runs").documentation,
    resource: "google_monitoring_alert_policy.failed-runs",
  },
];
