import { z } from "zod";

// The `terraform show -json <planfile>` format (Terraform's "JSON Output Format", format_version
// 1.x). Objects are loose: minor versions add properties, and readers must ignore unknown ones.

const pathStep = z.union([z.string(), z.number()]);

/** `["delete","create"]` and `["create","delete"]` are replacements; "forget" (Terraform 1.7+) drops from state only. */
const planAction = z.enum(["no-op", "create", "read", "update", "delete", "forget"]);

const changeRepresentation = z.looseObject({
  actions: z.array(planAction).min(1, "at least one action"),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  after_unknown: z.unknown().optional(),
  before_sensitive: z.unknown().optional(),
  after_sensitive: z.unknown().optional(),
  replace_paths: z.array(z.array(pathStep)).optional(),
});

const resourceChange = z.looseObject({
  address: z.string().min(1),
  previous_address: z.string().optional(),
  module_address: z.string().optional(),
  mode: z.enum(["managed", "data"]),
  type: z.string().min(1),
  name: z.string().min(1),
  index: z.union([z.string(), z.number()]).optional(),
  deposed: z.string().optional(),
  change: changeRepresentation,
  action_reason: z.string().optional(),
});

export const terraformPlanSchema = z
  .looseObject({
    format_version: z
      .string()
      .regex(/^1\.\d+$/, "must be 1.x: this review reads the format of Terraform 1.x and rejects other major versions, as the format's rules ask"),
    terraform_version: z.string().optional(),
    // Always present in a plan (Terraform omits resource_changes when nothing changes); absent in a state file.
    planned_values: z.looseObject({}).optional(),
    resource_changes: z.array(resourceChange).optional(),
    configuration: z.unknown().optional(),
  })
  .refine((plan) => plan.planned_values !== undefined || plan.resource_changes !== undefined, {
    path: ["planned_values"],
    message: "missing: a plan has planned_values and resource_changes (is this a state file? run terraform show -json on the saved plan)",
  });

export type TerraformPlan = z.output<typeof terraformPlanSchema>;
export type PlanResourceChange = z.output<typeof resourceChange>;
export type PlanAction = z.output<typeof planAction>;
