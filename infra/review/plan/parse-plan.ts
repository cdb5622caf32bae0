import type { z } from "zod";
import { formatPath } from "../attributes";
import { terraformPlanSchema, type TerraformPlan } from "./plan-schema";

/** The input is not a `terraform show -json` plan; the message names the offending field. */
export class PlanFormatError extends Error {
  readonly code = "PLAN_FORMAT";
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const steps = issue.path.map((step) => (typeof step === "number" ? step : String(step)));
  return `${formatPath(steps) || "(the document)"}: ${issue.message}`;
}

/** Validates parsed JSON as a plan; `source` (a file name) prefixes every message. */
export function parsePlan(json: unknown, source: string): TerraformPlan {
  const result = terraformPlanSchema.safeParse(json);
  if (result.success) return result.data;
  const issues = result.error.issues.slice(0, 5).map(describeIssue);
  const more = result.error.issues.length > issues.length ? ` (and ${result.error.issues.length - issues.length} more)` : "";
  throw new PlanFormatError(`${source} is not a terraform show -json plan: ${issues.join("; ")}${more}`);
}

/** Parses plan text (the file's contents). */
export function parsePlanText(text: string, source: string): TerraformPlan {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new PlanFormatError(`${source} is not JSON (${err instanceof Error ? err.message : String(err)}); pass the output of terraform show -json <planfile>`);
  }
  return parsePlan(json, source);
}
