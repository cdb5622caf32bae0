import { readFileSync } from "node:fs";
import { PlanFormatError, parsePlanText } from "./plan/parse-plan";
import type { TerraformPlan } from "./plan/plan-schema";

/** Reads and validates a `terraform show -json` plan file; a missing or malformed file is a PlanFormatError. */
export function readPlanFile(path: string): TerraformPlan {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new PlanFormatError(`cannot read plan ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return parsePlanText(text, path);
}
