import type { Construct } from "constructs";
import { GcsBackend, TerraformStack } from "cdktf";
import { DataGoogleProject } from "@cdktf/provider-google/lib/data-google-project";
import { GoogleProvider } from "@cdktf/provider-google/lib/provider";
import { declareCompute } from "./compute";
import { stackName, type StackContext } from "./context";
import { declareData } from "./data";
import { declareMessaging } from "./messaging";
import { declareMonitoring } from "./monitoring";
import { declareBudget, declareProjectServices } from "./project";
import { declareScheduling } from "./scheduling";

/** Everything one environment runs on, declared from the catalog: data, messaging, compute, schedules, monitoring. */
export class PlatformStack extends TerraformStack {
  constructor(scope: Construct, ctx: StackContext) {
    super(scope, stackName(ctx.env));
    const { env } = ctx;
    // Labels go on each resource (checked by the labels-required rule), not through the provider's
    // default_labels: cdktf rewrites map keys there, so "cost-center" would arrive as "cost_center".
    // The Billing Budgets API refuses application-default user credentials without a quota
    // project; billing quota to the environment's own project is what every other API does anyway.
    new GoogleProvider(this, "google", { project: env.project, region: env.region, billingProject: env.project, userProjectOverride: true });
    new GcsBackend(this, { bucket: env.stateBucket, prefix: env.statePrefix });
    // The project number names the Pub/Sub service agent; reading it beats asking users to copy it into the environment file.
    const project = new DataGoogleProject(this, "project", { projectId: env.project });
    project.overrideLogicalId("project");

    const data = declareData(this, ctx);
    const compute = declareCompute(this, ctx, data);
    const messaging = declareMessaging(this, ctx, compute, project);
    declareScheduling(this, ctx, compute);
    const channels = declareMonitoring(this, ctx, messaging);
    declareBudget(this, ctx, project, channels);
    // Last: every resource declared above gets a dependency on the API it needs.
    declareProjectServices(this, ctx);
  }
}
