import { resultOf, stringsIn } from "../stack";
import type { Finding, Rule } from "../types";

const PRIMITIVE_ROLES = new Set(["roles/owner", "roles/editor"]);

export const noPrimitiveRoles: Rule = {
  id: "iam-no-primitive-roles",
  severity: "error",
  description: "No IAM grant, binding or policy uses roles/owner or roles/editor.",
  explanation: "Primitive roles grant nearly everything in the project; the old system ran on the default compute account with editor rights.",
  check(stack) {
    const findings: Finding[] = [];
    for (const resource of [...stack.resources, ...stack.dataSources]) {
      for (const { key, value } of stringsIn(resource.body)) {
        if (key === "role" && PRIMITIVE_ROLES.has(value)) findings.push({ resource: resource.address, message: `grants ${value}` });
        if (key === "policy_data") {
          for (const role of PRIMITIVE_ROLES) if (value.includes(`"${role}"`)) findings.push({ resource: resource.address, message: `policy_data grants ${role}` });
        }
      }
    }
    return resultOf(findings, true);
  },
};
