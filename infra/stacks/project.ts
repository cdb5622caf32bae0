import type { Construct } from "constructs";
import { dependable, TerraformResource, type TerraformStack } from "cdktf";
import { BillingBudget } from "@cdktf/provider-google/lib/billing-budget";
import type { DataGoogleProject } from "@cdktf/provider-google/lib/data-google-project";
import type { MonitoringNotificationChannel } from "@cdktf/provider-google/lib/monitoring-notification-channel";
import { ProjectService } from "@cdktf/provider-google/lib/project-service";
import { terraformName } from "../constructs";
import type { StackContext } from "./context";

/**
 * The API each resource type needs, by type prefix (longest first wins). serviceusage and
 * cloudresourcemanager are the two a project needs before Terraform can enable anything (a
 * documented one-time step), so they are not managed here.
 */
export const REQUIRED_APIS: readonly (readonly [prefix: string, api: string])[] = [
  ["google_bigquery_", "bigquery.googleapis.com"],
  ["google_pubsub_", "pubsub.googleapis.com"],
  ["google_cloud_run_v2_", "run.googleapis.com"],
  ["google_cloud_scheduler_", "cloudscheduler.googleapis.com"],
  ["google_firestore_", "firestore.googleapis.com"],
  ["google_secret_manager_", "secretmanager.googleapis.com"],
  ["google_artifact_registry_", "artifactregistry.googleapis.com"],
  ["google_monitoring_", "monitoring.googleapis.com"],
  ["google_logging_", "logging.googleapis.com"],
  ["google_service_account", "iam.googleapis.com"],
  ["google_project_iam_", "cloudresourcemanager.googleapis.com"],
  ["google_storage_", "storage.googleapis.com"],
  ["google_billing_budget", "billingbudgets.googleapis.com"],
];

/** The API a resource type belongs to; throws for a type nobody mapped, so a new type cannot skip its API. */
export function apiOf(resourceType: string): string {
  const match = REQUIRED_APIS.filter(([prefix]) => resourceType.startsWith(prefix)).sort((a, b) => b[0].length - a[0].length)[0];
  if (!match) throw new Error(`no API is known for ${resourceType}: add it to REQUIRED_APIS in infra/stacks/project.ts`);
  return match[1];
}

/** Terraform name of the google_project_service of an API (bigquery.googleapis.com -> bigquery). */
export function projectServiceName(api: string): string {
  return terraformName(api.replace(/\.googleapis\.com$/, ""));
}

/**
 * Enables every API the stack uses (kept enabled on destroy: turning an API off deletes what it
 * holds) and makes each resource depend on its API, so an apply on an empty project enables
 * first. Run after every other resource is declared.
 */
export function declareProjectServices(stack: TerraformStack, { env }: StackContext): void {
  const resources = stack.node.findAll().filter((c): c is TerraformResource => c instanceof TerraformResource && !(c instanceof ProjectService));
  const services = new Map<string, ProjectService>();
  for (const [, api] of REQUIRED_APIS) {
    if (services.has(api)) continue;
    const service = new ProjectService(stack, `api-${api}`, { project: env.project, service: api, disableOnDestroy: false, disableDependentServices: false });
    service.overrideLogicalId(projectServiceName(api));
    services.set(api, service);
  }
  for (const resource of resources) {
    const service = services.get(apiOf(resource.terraformResourceType));
    if (!service) throw new Error(`no project service for ${resource.terraformResourceType}`);
    resource.dependsOn = [...(resource.dependsOn ?? []), dependable(service)];
  }
}

/** A monthly budget on the project, with the amount from the environment file, notifying the alert channels. */
export function declareBudget(scope: Construct, { env }: StackContext, project: DataGoogleProject, channels: readonly MonitoringNotificationChannel[]): void {
  const budget = env.budget;
  new BillingBudget(scope, "budget", {
    billingAccount: budget.billingAccount,
    displayName: `nba-props ${env.name}`,
    amount: { specifiedAmount: { currencyCode: budget.currencyCode, units: String(budget.amount) } },
    budgetFilter: { projects: [`projects/${project.number}`], calendarPeriod: "MONTH" },
    thresholdRules: budget.thresholds.map((thresholdPercent) => ({ thresholdPercent, spendBasis: "CURRENT_SPEND" })),
    allUpdatesRule: { monitoringNotificationChannels: channels.map((c) => c.id) },
  }).overrideLogicalId(terraformName("budget", env.name));
}

/**
 * What the first of the two applies on an empty project creates (docs/deploy.md): the APIs, the
 * image registry (Cloud Run refuses a service whose image is missing), the log-based metrics (an
 * alert policy on one is refused for up to ten minutes after the metric is created) and the
 * secrets (the Slack channel reads its token's version at plan time, so it needs one first).
 */
export const FIRST_APPLY_RESOURCE_TYPES = ["google_project_service", "google_artifact_registry_repository", "google_logging_metric", "google_secret_manager_secret"] as const;
